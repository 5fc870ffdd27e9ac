//! `reflect cohort`.

pub fn run(_ctx: &super::Context, _args: crate::cli::CohortArgs) -> anyhow::Result<u8> {
    anyhow::bail!("`reflect cohort` is not built yet")
}
