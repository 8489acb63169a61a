//! The on-disk schema of actor packs (TOML), and its validation.
//!
//! A pack may hold any of the sections below; the embedded packs under
//! `data/actors/` split them by topic (world, igo, persons, media, libya,
//! roles). User packs given with `--actors` use the same schema and are
//! applied after the embedded ones, so an entry with an existing id replaces it.

use crate::error::{Error, Result};
use serde::Deserialize;
use std::collections::BTreeMap;

/// Allowed actor kinds.
pub const KINDS: &[&str] = &[
    "state",
    "government",
    "armed-group",
    "party",
    "parliament",
    "igo",
    "mission",
    "militia",
    "terrorist-group",
    "person",
    "media",
    "forum",
    "company",
    "place",
];

/// One pack file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackFile {
    /// Actors: states, organisations, armed groups, media, places.
    #[serde(default)]
    pub actor: Vec<ActorEntry>,
    /// Persons, folded into the organisation they act for.
    #[serde(default)]
    pub person: Vec<PersonEntry>,
    /// Words whose actor depends on the article (the army, the mission).
    #[serde(default)]
    pub context: Vec<ContextEntry>,
    /// Markers of an article's framing (who it calls militias).
    #[serde(default)]
    pub framing: Vec<FramingEntry>,
    /// Words that refer back to actors already named (the latter, both sides).
    #[serde(default)]
    pub reference: Vec<ReferenceEntry>,
    /// Nouns that turn a demonym into an actor (Turkish *forces*).
    #[serde(default)]
    pub agent_nouns: Option<AgentNouns>,
    /// Prepositions before which a capital is a place, not its state.
    #[serde(default)]
    pub locative: Option<Words>,
    /// Patterns for actors no pack lists (حركة X, the X Brigade).
    #[serde(default)]
    pub unlisted: Option<Unlisted>,
    /// Ids of the countries the conflict happens in: their names are
    /// places there ("في ليبيا", "Libyan territory"), not actors.
    #[serde(default)]
    pub arena: Vec<String>,
}

/// An actor entry.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorEntry {
    /// Stable slug.
    pub id: String,
    /// One of [`KINDS`].
    pub kind: String,
    /// English label.
    #[serde(default)]
    pub en: String,
    /// Arabic label.
    #[serde(default)]
    pub ar: String,
    /// Other English names.
    #[serde(default)]
    pub aliases_en: Vec<String>,
    /// Other Arabic names.
    #[serde(default)]
    pub aliases_ar: Vec<String>,
    /// English capital names, used as metonyms.
    #[serde(default)]
    pub capital_en: Vec<String>,
    /// Arabic capital names, used as metonyms.
    #[serde(default)]
    pub capital_ar: Vec<String>,
    /// English adjectives (an actor only beside an agent noun).
    #[serde(default)]
    pub demonym_en: Vec<String>,
    /// Arabic adjectives.
    #[serde(default)]
    pub demonym_ar: Vec<String>,
    /// English plural people nouns (the Turks).
    #[serde(default)]
    pub people_en: Vec<String>,
    /// Arabic plural people nouns (الأتراك).
    #[serde(default)]
    pub people_ar: Vec<String>,
    /// The country the conflict happens in: its name is a place, not an actor.
    #[serde(default)]
    pub arena: bool,
}

/// A person entry.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonEntry {
    /// Stable slug.
    pub id: String,
    /// English name.
    #[serde(default)]
    pub en: String,
    /// Arabic name.
    #[serde(default)]
    pub ar: String,
    /// Other English names.
    #[serde(default)]
    pub aliases_en: Vec<String>,
    /// Other Arabic names.
    #[serde(default)]
    pub aliases_ar: Vec<String>,
    /// Organisations the person acts for, with dates.
    #[serde(default)]
    pub affiliation: Vec<Affiliation>,
}

/// A person's membership of an organisation.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Affiliation {
    /// Organisation id.
    pub org: String,
    /// ISO date the membership began.
    #[serde(default)]
    pub from: Option<String>,
    /// ISO date it ended.
    #[serde(default)]
    pub to: Option<String>,
    /// Role held.
    #[serde(default)]
    pub role: Option<String>,
}

/// Words whose actor depends on the article.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContextEntry {
    /// Rule id, e.g. `libya/the-army`.
    pub id: String,
    /// English words.
    #[serde(default)]
    pub aliases_en: Vec<String>,
    /// Arabic words.
    #[serde(default)]
    pub aliases_ar: Vec<String>,
    /// Actor when nothing else decides (none: the word names no actor then).
    #[serde(default)]
    pub default: Option<String>,
    /// Framing name → actor (pro-gna = "gna").
    #[serde(default)]
    pub framing: BTreeMap<String, String>,
    /// Actor present in the article → actor (gnu = "gnu").
    #[serde(default)]
    pub present: BTreeMap<String, String>,
    /// Pick the most recently named of these actors.
    #[serde(default)]
    pub recent: Vec<String>,
    /// Or the most recently named actor of these kinds.
    #[serde(default)]
    pub recent_kinds: Vec<String>,
}

/// Framing markers.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FramingEntry {
    /// Framing name, e.g. `pro-gna`.
    pub name: String,
    /// English markers.
    #[serde(default)]
    pub markers_en: Vec<String>,
    /// Arabic markers.
    #[serde(default)]
    pub markers_ar: Vec<String>,
}

/// Words that point back to actors already named.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferenceEntry {
    /// `pair` (both sides), `latter`, `former`.
    pub kind: String,
    /// English words.
    #[serde(default)]
    pub en: Vec<String>,
    /// Arabic words.
    #[serde(default)]
    pub ar: Vec<String>,
}

/// Agent nouns and the modifiers that may stand between them and a demonym.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgentNouns {
    /// English nouns (forces, president, foreign ministry).
    #[serde(default)]
    pub en: Vec<String>,
    /// Arabic nouns (قوات، الرئيس، وزير).
    #[serde(default)]
    pub ar: Vec<String>,
    /// English words allowed in between (foreign, defence, and).
    #[serde(default)]
    pub modifiers_en: Vec<String>,
    /// Arabic words allowed in between (الخارجية، الدفاع).
    #[serde(default)]
    pub modifiers_ar: Vec<String>,
}

/// A plain per-language word list.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Words {
    /// English words.
    #[serde(default)]
    pub en: Vec<String>,
    /// Arabic words.
    #[serde(default)]
    pub ar: Vec<String>,
}

/// Heads of organisation names for actors no pack lists.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unlisted {
    /// Arabic head nouns: حركة، تنظيم، كتيبة …
    #[serde(default)]
    pub heads_ar: Vec<String>,
    /// English head nouns that follow a capitalised name: Brigade, Movement …
    #[serde(default)]
    pub heads_en: Vec<String>,
}

/// Parses one pack; errors carry the file and line.
pub fn parse_pack(name: &str, text: &str) -> Result<PackFile> {
    toml::from_str::<PackFile>(text).map_err(|e| {
        let line = e
            .span()
            .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1)
            .unwrap_or(0);
        Error::Data {
            path: name.to_string(),
            line,
            what: one_line(e.message()),
            hint: "expected an actor pack (see docs/PACKS.md)".into(),
        }
    })
}

/// The 1-based line on which `needle` first appears after `from_line`, or 0.
pub fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .map(|i| i + 1)
        .unwrap_or(0)
}

/// A parser message on one line: toml puts what it expected on a second
/// line, and the CLI prints only the first line of an error.
pub(crate) fn one_line(message: &str) -> String {
    message
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(": ")
}
