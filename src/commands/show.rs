//! `reflect show`.

pub fn run(_ctx: &super::Context, _args: crate::cli::ShowArgs) -> anyhow::Result<u8> {
    anyhow::bail!("`reflect show` is not built yet")
}
