//! `reflect write`.

pub fn run(_ctx: &super::Context, _args: crate::cli::WriteArgs) -> anyhow::Result<u8> {
    anyhow::bail!("`reflect write` is not built yet")
}
