//! `reflect compact`.

pub fn run(_ctx: &super::Context) -> anyhow::Result<u8> {
    anyhow::bail!("`reflect compact` is not built yet")
}
