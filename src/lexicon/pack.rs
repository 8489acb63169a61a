//! The on-disk schema of actor packs (TOML), and its validation.
//!
//! A pack may hold any of the sections below; the embedded packs under
//! `data/actors/` split them by topic (world, igo, persons, media, libya,
//! roles). User packs given with `--actors` use the same schema and are
//! applied after the embedded ones, so an entry with an existing id replaces it.

use crate::error::{Error, Result};
use crate::fasthash::FastMap;
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
    /// Words of fire after which a locative aims instead ("missiles at
    /// Kyiv": the capital stands for its state).
    #[serde(default)]
    pub aimed: Option<Words>,
    /// Modifiers between "the" and a role noun ("the Saudi-backed
    /// government").
    #[serde(default)]
    pub headed: Option<HeadedModifiers>,
    /// Agent nouns that with the arena country's demonym name its
    /// government ("the Sudanese foreign ministry", "وزارة الخارجية الليبية").
    #[serde(default)]
    pub arena_government: Option<Words>,
    /// Title nouns that head "title of organisation" (وزير الداخلية
    /// بحكومة الوفاق): the organisation then names the title's holder.
    #[serde(default)]
    pub titles: Option<Words>,
    /// Scare words before a name ("so-called", ما يسمى): who uses them of
    /// whom marks an article's framing (see [`FramingEntry::scorns`]).
    #[serde(default)]
    pub so_called: Option<Words>,
    /// Patterns for actors no pack lists (حركة X, the X Brigade).
    #[serde(default)]
    pub unlisted: Option<Unlisted>,
    /// Ids of the countries the conflict happens in: their names are
    /// places there ("في ليبيا", "Libyan territory"), not actors, in an
    /// article about that country.
    #[serde(default)]
    pub arena: Vec<String>,
    /// The country (a state id) whose article context this pack's actors,
    /// places and context words belong to, unless an entry names its own.
    #[serde(default)]
    pub country: Option<String>,
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
    /// The country whose article context this actor signals and belongs
    /// to (`libya` for the LNA and for Tripoli); default: the pack's; `""`
    /// for an actor of many conflicts (Wagner, ISIS).
    #[serde(default)]
    pub country: Option<String>,
    /// The day the actor came into being (`YYYY-MM-DD`): an article with
    /// no date and no year that names it is of that day or later.
    #[serde(default)]
    pub since: Option<String>,
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
    /// The organisation an undated article means when it names none of the
    /// person's organisations (default: the latest affiliation).
    #[serde(default)]
    pub undated: Option<String>,
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
    /// A phrase that names all of these actors at once ("مجلسا النواب
    /// والدولة": the House and the High Council of State); overrides the
    /// fields above.
    #[serde(default)]
    pub all: Vec<String>,
    /// The country whose articles this entry is for (default: the pack's).
    /// An entry with a country and a role is that country's reading of the
    /// role; its own aliases, if any, name that country explicitly.
    #[serde(default)]
    pub country: Option<String>,
    /// The role a word names in any country ("army", "government"): an
    /// entry with a role and no country is a role noun, resolved by the
    /// entry for the article's country.
    #[serde(default)]
    pub role: Option<String>,
    /// A role noun that, in a country with no entry for the role, names
    /// that country's state (a state's army, government and parliament
    /// fold into the state).
    #[serde(default)]
    pub state: bool,
    /// Actor by the article's date: the first entry whose span holds it.
    #[serde(default)]
    pub dated: Vec<DatedId>,
}

/// An actor id for a span of dates (`YYYY-MM-DD`, either end open).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatedId {
    /// Actor id.
    pub id: String,
    /// First day (inclusive).
    #[serde(default)]
    pub from: Option<String>,
    /// Last day (exclusive).
    #[serde(default)]
    pub to: Option<String>,
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
    /// Actors whose names this side puts after a scare word ("so-called",
    /// ما يسمى): each such name counts as a marker of this framing.
    #[serde(default)]
    pub scorns: Vec<String>,
}

/// Words that point back to actors already named.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferenceEntry {
    /// `pair` (both sides), `latter`, `former`, `remarks`, `outcome`,
    /// `chosen`, `proposal`.
    pub kind: String,
    /// `pair` only: the actor kinds the two must be of ("the two
    /// countries": state). Without it, the conflict's two sides.
    #[serde(default)]
    pub of: Vec<String>,
    /// English words.
    #[serde(default)]
    pub en: Vec<String>,
    /// Arabic words.
    #[serde(default)]
    pub ar: Vec<String>,
    /// `proposal` only: nouns that name a proposal when it is first made
    /// ("initiative", "مبادرة"), English and Arabic.
    #[serde(default)]
    pub nouns_en: Vec<String>,
    /// Arabic proposal nouns.
    #[serde(default)]
    pub nouns_ar: Vec<String>,
    /// `proposal` only: verbs that make the sentence's subject the owner of
    /// the proposal noun after them ("unveiled", "أعلن").
    #[serde(default)]
    pub announce_en: Vec<String>,
    /// Arabic announcing verbs.
    #[serde(default)]
    pub announce_ar: Vec<String>,
    /// `proposal` only: relative pronouns that open a clause naming the
    /// proposal's owner after the noun ("the plan that Egypt announced",
    /// "المبادرة التي أعلنها المبعوث").
    #[serde(default)]
    pub relative_en: Vec<String>,
    /// Arabic relative pronouns.
    #[serde(default)]
    pub relative_ar: Vec<String>,
    /// `chosen` only: words after which the actor named is the one a vote
    /// or a forum produced ("was named prime minister of", "elected").
    #[serde(default)]
    pub chosen_en: Vec<String>,
    /// Arabic words naming what a vote produced.
    #[serde(default)]
    pub chosen_ar: Vec<String>,
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
    /// Arabic cue-pack verbal nouns that are no agent nouns: a word with a
    /// second sense ("المعارضة السورية" is the Syrian opposition, not a
    /// rejection by Syria).
    #[serde(default)]
    pub not_ar: Vec<String>,
    /// English cue words that are no agent nouns.
    #[serde(default)]
    pub not_en: Vec<String>,
    /// English nouns a possessive ties to its owner ("Haftar's fighters and
    /// the GNA" lists Haftar) that a demonym does not make an actor ("Syrian
    /// fighters" are no Syrian state).
    #[serde(default)]
    pub possessed_en: Vec<String>,
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

impl Words {
    /// Adds another pack's list of the same section.
    pub fn merge(&mut self, other: Option<Words>) {
        if let Some(w) = other {
            self.en.extend(w.en);
            self.ar.extend(w.ar);
        }
    }
}

/// What may stand between "the" and the noun of a context alias that opens
/// with "the" ("the Saudi-backed government" is "the government").
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeadedModifiers {
    /// Second parts of hyphenated compounds (backed, led).
    #[serde(default)]
    pub compounds_en: Vec<String>,
    /// Adjectives (powerful).
    #[serde(default)]
    pub adjectives_en: Vec<String>,
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
    /// Arabic words that cannot begin a name after a head noun: قوات *الأمن*
    /// and حركة *الملاحة* are no organisations.
    #[serde(default)]
    pub generic_ar: Vec<String>,
    /// English capitalised words that do not make a name on their own
    /// ("National Army", "Security Forces").
    #[serde(default)]
    pub generic_en: Vec<String>,
    /// English capitalised words that end a name on the left ("The", "In").
    #[serde(default)]
    pub stop_en: Vec<String>,
    /// Arabic words that look definite but end a name: إلى، التي، الذي، الآن.
    #[serde(default)]
    pub stop_ar: Vec<String>,
    /// Arabic participles and adjectives that qualify a name rather than
    /// belong to it (قوات الدعم السريع *المتمركزة* في …): a word past the
    /// first with one of these beginnings and one of these endings ends
    /// the name, so every qualified use gives the one id.
    #[serde(default)]
    pub qualifier_starts_ar: Vec<String>,
    /// See [`Unlisted::qualifier_starts_ar`].
    #[serde(default)]
    pub qualifier_ends_ar: Vec<String>,
}

/// Parses one pack; errors carry the file and line.
pub fn parse_pack(name: &str, text: &str) -> Result<PackFile> {
    parse_toml(name, text, "expected an actor pack (see docs/PACKS.md)")
}

/// Parses a data file of any schema; a syntax or schema error names the
/// file and line, with `hint` saying what was expected.
pub(crate) fn parse_toml<T: serde::de::DeserializeOwned>(
    name: &str,
    text: &str,
    hint: &str,
) -> Result<T> {
    toml::from_str::<T>(text).map_err(|e| {
        let line = e
            .span()
            .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1)
            .unwrap_or(0);
        Error::Data {
            path: name.to_string(),
            line,
            what: one_line(e.message()),
            hint: hint.to_string(),
        }
    })
}

/// The 1-based line of the first line of `text` that contains `"quoted"`,
/// or 0: where an entry with that id is, for error messages.
///
/// Built in one pass over the pack. Searching the whole file once per entry
/// made loading the embedded packs quadratic and was most of start-up.
pub struct QuotedLines<'a> {
    text: &'a str,
    first: FastMap<&'a str, usize>,
}

impl<'a> QuotedLines<'a> {
    /// Indexes every run between two consecutive `"` on a line.
    pub fn new(text: &'a str) -> QuotedLines<'a> {
        let mut first = FastMap::default();
        for (i, line) in text.lines().enumerate() {
            let mut quotes = line.match_indices('"').map(|(at, _)| at);
            let Some(mut open) = quotes.next() else {
                continue;
            };
            for close in quotes {
                first.entry(&line[open + 1..close]).or_insert(i + 1);
                open = close;
            }
        }
        QuotedLines { text, first }
    }

    /// Same as `line_of(text, &format!("\"{quoted}\""))`.
    pub fn line(&self, quoted: &str) -> usize {
        if quoted.contains(['"', '\n', '\r']) {
            return line_of(self.text, &format!("\"{quoted}\""));
        }
        self.first.get(quoted).copied().unwrap_or(0)
    }
}

/// The 1-based line on which `needle` first appears, or 0.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_lines_agree_with_line_of() {
        let text = "a = 1\nid = \"gna\"\nx = [\"a\", \"gna\", \"lna\"]\r\nid = \"lna\"\n\"\"\n";
        let index = QuotedLines::new(text);
        for q in ["gna", "lna", "a", ", ", "", "hor", "a\"", "x"] {
            assert_eq!(index.line(q), line_of(text, &format!("\"{q}\"")), "{q:?}");
        }
    }
}
