//! `reflect delete`.

pub fn run(_ctx: &super::Context, _args: crate::cli::DeleteArgs) -> anyhow::Result<u8> {
    anyhow::bail!("`reflect delete` is not built yet")
}
