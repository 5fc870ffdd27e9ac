//! `reflect share [-o FILE] [--group G]`: the summary a leader gives a trainer (the
//! `progress --format json` document with the participant id and group). On a
//! terminal it first says in plain words what the file will hold and asks; without
//! one (a script) it writes without asking.

use anyhow::{Context as _, Result};

use crate::cli::ShareArgs;
use crate::exit_codes::SUCCESS;
use crate::fs::Output;
use crate::progress::words::label;
use crate::progress::Summary;
use crate::{neutral, t, terminal};

pub fn run(ctx: &super::Context, args: ShareArgs) -> Result<u8> {
    let (mut summary, _, _) =
        super::progress::summary(ctx, &crate::cli::FilterArgs::default(), 30, None)?;
    super::progress::identify(ctx, &mut summary, args.group.as_deref())?;
    let output = Output::from_arg(args.output.as_deref());
    if terminal::stdin_is_terminal() {
        for line in description(&summary) {
            terminal::note(&line);
        }
        // "s" is "sí": the Spanish question offers it.
        let answer = terminal::menu(&t!("share-ask"), &["y", "s", "n", ""])?;
        if !matches!(answer.as_deref(), Some("y" | "s")) {
            terminal::note(&t!("share-not-written"));
            return Ok(SUCCESS);
        }
    }
    output
        .write(&ctx.protected_files(), |out| {
            serde_json::to_writer_pretty(&mut *out, &summary)?;
            writeln!(out)?;
            Ok(())
        })
        .with_context(|| crate::t!("share-summary-not-written"))?;
    if let Some(path) = &args.output {
        terminal::note(&t!("share-written", path = path.display().to_string()));
    }
    Ok(SUCCESS)
}

/// What the file holds, in plain words: one line each.
fn description(summary: &Summary) -> Vec<String> {
    let names = summary.level_names();
    let mut lines = vec![t!("share-intro")];
    let rows = summary
        .themes
        .iter()
        .map(|t| (t.title.clone(), &t.row))
        .chain([(label::free(), &summary.free)])
        .filter(|(_, row)| row.total > 0);
    for (title, row) in rows {
        lines.push(t!(
            "share-theme",
            title = neutral::terminal_line(&title).into_owned(),
            school = row.counts.school,
            network = row.counts.network,
            system = row.counts.system,
            school_name = names[0].as_str(),
            network_name = names[1].as_str(),
            system_name = names[2].as_str(),
            idea = row.idea,
            unrated = row.unrated
        ));
    }
    if summary.totals.total == 0 {
        lines.push(t!("share-no-entries"));
    }
    lines.push(t!(
        "share-checkins",
        count = summary
            .check_in
            .as_ref()
            .and_then(|c| c.get("count"))
            .and_then(serde_json::Value::as_u64)
            .unwrap_or(0)
    ));
    lines.push(match &summary.group {
        Some(group) => t!(
            "share-group",
            group = neutral::terminal_line(group).into_owned()
        ),
        None => t!("share-no-group"),
    });
    lines.push(t!(
        "share-participant",
        id = summary.participant.clone().unwrap_or_default()
    ));
    lines.push(t!("share-never"));
    lines
}
