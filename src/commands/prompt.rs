//! `reflect prompt`.

pub fn run(_ctx: &super::Context, _args: crate::cli::PromptArgs) -> anyhow::Result<u8> {
    anyhow::bail!("`reflect prompt` is not built yet")
}
