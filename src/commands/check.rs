//! `reflect check`.

pub fn run(_ctx: &super::Context, _args: crate::cli::CheckArgs) -> anyhow::Result<u8> {
    anyhow::bail!("`reflect check` is not built yet")
}
