//! `reflect progress`.

pub fn run(_ctx: &super::Context, _args: crate::cli::ProgressArgs) -> anyhow::Result<u8> {
    anyhow::bail!("`reflect progress` is not built yet")
}
