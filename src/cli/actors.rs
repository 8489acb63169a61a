//! `stancegraph actors check` and `stancegraph actors list`: validate user
//! actor packs, and show what the knowledge base knows.

use super::extract::load_packs;
use anyhow::Result;
use clap::{builder::PossibleValuesParser, Args, Subcommand};
use stancegraph::lexicon::{parse_pack, ActorBase, PackSource, ACTOR_PACKS, KINDS};
use stancegraph::text::normalize;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `actors`.
#[derive(Debug, Args)]
pub struct ActorsArgs {
    #[command(subcommand)]
    command: ActorsCommand,
}

#[derive(Debug, Subcommand)]
enum ActorsCommand {
    /// Validate actor packs together with the embedded ones; print every
    /// problem as `file:line: what is wrong; what was expected` (exit 2).
    Check {
        /// Actor packs (TOML), in the order `extract --actors` would apply them.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// List known actors and persons: id, kind, English and Arabic label, number of names.
    List {
        /// Only this kind.
        #[arg(long, value_parser = PossibleValuesParser::new(KINDS))]
        kind: Option<String>,
        /// Only entries whose id, label or a name contains TEXT (after
        /// normalisation: case, hamza forms, ة/ه, ى/ي, diacritics).
        #[arg(long)]
        search: Option<String>,
        /// Extra actor packs (TOML), applied after the embedded ones.
        #[arg(long = "actors")]
        actor_packs: Vec<PathBuf>,
    },
}

/// Runs `actors`.
pub fn run(args: ActorsArgs) -> Result<ExitCode> {
    match args.command {
        ActorsCommand::Check { files } => check(&files),
        ActorsCommand::List {
            kind,
            search,
            actor_packs,
        } => list(kind.as_deref(), search.as_deref(), &actor_packs),
    }
}

fn sources(user: &[(String, String)]) -> Vec<PackSource<'_>> {
    ACTOR_PACKS
        .iter()
        .map(|(name, text)| PackSource {
            name: name.to_string(),
            text,
        })
        .chain(user.iter().map(|(name, text)| PackSource {
            name: name.clone(),
            text,
        }))
        .collect()
}

fn check(files: &[PathBuf]) -> Result<ExitCode> {
    let user = load_packs(files)?;
    match ActorBase::check(&sources(&user)) {
        Ok(_) => {
            let (mut actors, mut persons, mut contexts) = (0, 0, 0);
            for (name, text) in &user {
                // Already parsed once by `check`, so this cannot fail.
                if let Ok(pack) = parse_pack(name, text) {
                    actors += pack.actor.len();
                    persons += pack.person.len();
                    contexts += pack.context.len();
                }
            }
            println!(
                "ok: {} file{}, {actors} actors, {persons} persons, {contexts} context words",
                user.len(),
                if user.len() == 1 { "" } else { "s" }
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(errs) => {
            for e in &errs {
                eprintln!("{e}");
            }
            eprintln!(
                "stancegraph: {} error{} in actor packs",
                errs.len(),
                if errs.len() == 1 { "" } else { "s" }
            );
            Ok(ExitCode::from(2))
        }
    }
}

/// One row of the listing.
struct Row<'a> {
    id: &'a str,
    kind: &'a str,
    en: &'a str,
    ar: &'a str,
    names: usize,
}

fn label<'a>(labels: &'a std::collections::BTreeMap<String, String>, lang: &str) -> &'a str {
    labels.get(lang).map(String::as_str).unwrap_or("")
}

fn list(kind: Option<&str>, search: Option<&str>, packs: &[PathBuf]) -> Result<ExitCode> {
    let user = load_packs(packs)?;
    let kb = ActorBase::load(&sources(&user))?;
    let query = search.map(|q| normalize(q.trim()).text);
    let matches = |id: &str, names: &[String]| match &query {
        None => true,
        Some(q) => {
            id.contains(q.as_str()) || names.iter().any(|n| normalize(n).text.contains(q.as_str()))
        }
    };
    let mut rows: Vec<Row<'_>> = Vec::new();
    for a in &kb.actors {
        if kind.is_some_and(|k| k != a.kind) || !matches(&a.id, &a.names) {
            continue;
        }
        rows.push(Row {
            id: &a.id,
            kind: &a.kind,
            en: label(&a.labels, "en"),
            ar: label(&a.labels, "ar"),
            names: a.names.len(),
        });
    }
    for p in &kb.persons {
        if kind.is_some_and(|k| k != "person") || !matches(&p.id, &p.names) {
            continue;
        }
        rows.push(Row {
            id: &p.id,
            kind: "person",
            en: label(&p.labels, "en"),
            ar: label(&p.labels, "ar"),
            names: p.names.len(),
        });
    }
    rows.sort_by(|a, b| a.id.cmp(b.id));
    let width = |cells: Vec<&str>| cells.iter().map(|c| c.chars().count()).max().unwrap_or(0);
    let wi = width(rows.iter().map(|r| r.id).chain(["id"]).collect());
    let wk = width(rows.iter().map(|r| r.kind).chain(["kind"]).collect());
    let we = width(rows.iter().map(|r| r.en).chain(["en"]).collect());
    let mut out = String::new();
    let pad = |s: &str, w: usize| format!("{s}{}", " ".repeat(w.saturating_sub(s.chars().count())));
    out.push_str(&format!(
        "{}  {}  {}  names  ar\n",
        pad("id", wi),
        pad("kind", wk),
        pad("en", we)
    ));
    for r in &rows {
        // Arabic last, so right-to-left text cannot disturb the columns.
        out.push_str(&format!(
            "{}  {}  {}  {:>5}  {}\n",
            pad(r.id, wi),
            pad(r.kind, wk),
            pad(r.en, we),
            r.names,
            r.ar
        ));
    }
    super::io::write_stdout(out.as_bytes())?;
    if rows.is_empty() {
        eprintln!("stancegraph: no actor matches");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
