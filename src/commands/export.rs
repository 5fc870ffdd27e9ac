//! `reflect export`.

pub fn run(_ctx: &super::Context, _args: crate::cli::ExportArgs) -> anyhow::Result<u8> {
    anyhow::bail!("`reflect export` is not built yet")
}
