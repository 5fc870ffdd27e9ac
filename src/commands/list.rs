//! `reflect list`.

pub fn run(_ctx: &super::Context, _args: crate::cli::ListArgs) -> anyhow::Result<u8> {
    anyhow::bail!("`reflect list` is not built yet")
}
