//! `reflect import`.

pub fn run(_ctx: &super::Context, _args: crate::cli::ImportArgs) -> anyhow::Result<u8> {
    anyhow::bail!("`reflect import` is not built yet")
}
