//! `reflect packs`.

pub fn run(_ctx: &super::Context, _command: crate::cli::PacksCommand) -> anyhow::Result<u8> {
    anyhow::bail!("`reflect packs` is not built yet")
}
