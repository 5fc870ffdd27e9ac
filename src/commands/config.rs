//! `reflect config`.

pub fn run(_ctx: &super::Context) -> anyhow::Result<u8> {
    anyhow::bail!("`reflect config` is not built yet")
}
