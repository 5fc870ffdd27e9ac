//! `reflect edit`.

pub fn run(_ctx: &super::Context, _args: crate::cli::EditArgs) -> anyhow::Result<u8> {
    anyhow::bail!("`reflect edit` is not built yet")
}
