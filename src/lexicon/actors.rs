//! The compiled actor knowledge base: every pack entry validated, every name
//! compiled into one matcher whose payload says what a hit means.

use super::matcher::{Edge, PhraseMatcher, PhraseMatcherBuilder};
use super::pack::{
    parse_pack, ActorEntry, AgentNouns, ContextEntry, PackFile, PersonEntry, Words, KINDS,
};
use crate::error::{Error, Result};
use crate::fasthash::{FastMap, FastSet};
use crate::text::normalize;
use std::collections::{BTreeMap, VecDeque};

/// What a matched phrase is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// An actor by index into [`ActorBase::actors`].
    Actor(usize),
    /// A person by index into [`ActorBase::persons`].
    Person(usize),
    /// A context-dependent word by index into [`ActorBase::contexts`].
    Context(usize),
    /// A back-reference word.
    Reference(RefKind),
    /// A noun that makes a neighbouring demonym an actor.
    AgentNoun,
    /// A word allowed between an agent noun and a demonym.
    Modifier,
}

/// How an actor is named by a phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Its name or alias.
    Name,
    /// Its capital (a place after a locative preposition).
    Capital,
    /// An adjective (an actor only beside an agent noun).
    Demonym,
    /// A plural people noun.
    People,
}

/// Kinds of back-reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefKind {
    /// Both sides, the two parties.
    Pair,
    /// "The two countries", "البلدين": the two actors of the kinds in
    /// [`ActorBase::pair_kinds`] at this index named last.
    PairOf(usize),
    /// The latter, الأخير.
    Latter,
    /// The former.
    Former,
    /// An object pronoun: Arabic له/معها/عليهم, English him/them; the
    /// actor named last in object position, where nothing else could be
    /// meant.
    Object,
    /// The remarks, the speech: what the main speaker said.
    Remarks,
    /// The outcome, the vote, the two statements: the event the article
    /// opens with, standing for the actor it favours.
    Outcome,
    /// The new authority, the new executive: the actor the article names
    /// as elected or chosen, and nothing where it names none.
    Chosen,
    /// The initiative, the plan, بالمبادرة: the last proposal the article
    /// named with an owner, standing for its proposer.
    Proposal,
}

/// An actor as the knowledge base holds it.
#[derive(Debug, Clone)]
pub struct Actor {
    /// Id.
    pub id: String,
    /// Kind.
    pub kind: String,
    /// Labels per language code.
    pub labels: BTreeMap<String, String>,
    /// The country the conflict happens in.
    pub arena: bool,
    /// The country whose article context this actor belongs to.
    pub country: Option<String>,
    /// Every name as written in the packs: labels, aliases, capitals,
    /// demonyms and people nouns (for listing and search; matching uses the
    /// compiled matcher).
    pub names: Vec<String>,
    /// The day the actor came into being, if the pack says.
    pub since: Option<String>,
}

impl Actor {
    /// English label, else Arabic, else the id.
    pub fn label(&self) -> String {
        self.labels
            .get("en")
            .or_else(|| self.labels.get("ar"))
            .cloned()
            .unwrap_or_else(|| self.id.clone())
    }
}

/// A person and whom they act for.
#[derive(Debug, Clone)]
pub struct Person {
    /// Person id.
    pub id: String,
    /// Labels per language code.
    pub labels: BTreeMap<String, String>,
    /// (org id, from, to) in pack order.
    pub affiliations: Vec<(String, Option<String>, Option<String>)>,
    /// Every name as written in the packs: labels and aliases.
    pub names: Vec<String>,
    /// The organisation of an undated article that names none of them.
    pub undated: Option<String>,
}

impl Person {
    /// [`Person::org_on`] for an article that may carry no date: then the
    /// latest affiliation whose organisation the article names itself wins
    /// (Bashagha in an article that names the GNA is its minister, in one
    /// that names the GNS its prime minister), else the affiliation of the
    /// article's era (the latest year it names) if one spans it, else the
    /// pack's `undated` choice, else the latest.
    pub fn org_in(
        &self,
        date: Option<&str>,
        era: Option<&str>,
        named: &FastSet<String>,
    ) -> Option<&str> {
        if date.is_none() {
            let by_name = self
                .affiliations
                .iter()
                .filter(|(org, _, _)| named.contains(org))
                .max_by(|a, b| a.1.cmp(&b.1));
            if let Some((org, _, _)) = by_name {
                return Some(org);
            }
            if let Some(org) = era.and_then(|era| self.org_during(era).or(self.org_after(era))) {
                return Some(org);
            }
            if let Some(org) = &self.undated {
                return Some(org);
            }
        }
        self.org_on(date)
    }

    /// The first organisation the person joined after `era`: an era is
    /// the earliest an article can be (the latest year it names, the
    /// newest actor it names), so between two roles it is of the next.
    fn org_after(&self, era: &str) -> Option<&str> {
        self.affiliations
            .iter()
            .filter(|(_, from, _)| from.as_deref().is_some_and(|f| f > era))
            .min_by(|a, b| a.1.cmp(&b.1))
            .map(|(org, _, _)| org.as_str())
    }

    /// The organisation whose span holds `date`, if any.
    fn org_during(&self, date: &str) -> Option<&str> {
        self.affiliations
            .iter()
            .find(|(_, from, to)| {
                from.as_deref().is_none_or(|f| f <= date) && to.as_deref().is_none_or(|t| date <= t)
            })
            .map(|(org, _, _)| org.as_str())
    }

    /// The organisation the person acts for on `date` (ISO), or the latest one.
    pub fn org_on(&self, date: Option<&str>) -> Option<&str> {
        if let Some(org) = date.and_then(|date| self.org_during(date)) {
            return Some(org);
        }
        self.affiliations
            .iter()
            .max_by(|a, b| a.1.cmp(&b.1))
            .map(|(org, _, _)| org.as_str())
    }
}

/// A context-dependent word, compiled.
#[derive(Debug, Clone)]
pub struct Context {
    /// Rule id.
    pub id: String,
    /// Default actor id.
    pub default: Option<String>,
    /// Framing name → actor id.
    pub framing: BTreeMap<String, String>,
    /// Present actor id → actor id.
    pub present: BTreeMap<String, String>,
    /// Most recently named of these.
    pub recent: Vec<String>,
    /// Or the most recently named actor of these kinds.
    pub recent_kinds: Vec<String>,
    /// Actors the phrase names all at once (empty: one actor, as above).
    pub all: Vec<String>,
    /// The country whose articles this entry is for.
    pub country: Option<String>,
    /// The role it names ("army"); with no country, a role noun.
    pub role: Option<String>,
    /// A role noun naming the article country's state where that country
    /// has no entry for the role.
    pub state: bool,
    /// (actor id, from, to) by the article's date.
    pub dated: Vec<(String, Option<String>, Option<String>)>,
}

impl Context {
    /// The actor `dated` gives for an article of `date`.
    pub fn on_date(&self, date: Option<&str>) -> Option<&str> {
        let date = date?;
        self.dated
            .iter()
            .find(|(_, from, to)| {
                from.as_deref().is_none_or(|f| f <= date) && to.as_deref().is_none_or(|t| date < t)
            })
            .map(|(id, _, _)| id.as_str())
    }
}

/// The compiled knowledge base of actors.
#[derive(Debug, Clone)]
pub struct ActorBase {
    /// All actors, in load order.
    pub actors: Vec<Actor>,
    /// All persons.
    pub persons: Vec<Person>,
    /// Context-dependent words.
    pub contexts: Vec<Context>,
    /// The actor kinds of each [`RefKind::PairOf`] reference.
    pub pair_kinds: Vec<Vec<String>>,
    /// Framing names, by index of [`ActorBase::framing_hits`] payloads.
    pub framings: Vec<String>,
    index: FastMap<String, usize>,
    matcher: PhraseMatcher,
    payloads: Vec<(Target, Form)>,
    case_sensitive: Vec<bool>,
    framing_matcher: PhraseMatcher,
    framing_payloads: Vec<usize>,
    /// (actor id, framing index): the framing that scorns that actor.
    scorned: Vec<(String, usize)>,
    /// Normalised scare words ("so-called", ما يسمى).
    so_called: Vec<String>,
    /// Normalised title nouns (وزير, مسؤول): the head of "title of org".
    titles: FastSet<String>,
    /// Context aliases that open with "the", by their normalised rest
    /// ("government"), to their payload: read after modifiers too.
    headed: FastMap<String, usize>,
    /// Second parts of hyphenated compounds that may stand between "the"
    /// and such a noun ("Saudi-backed").
    headed_compounds: FastSet<String>,
    /// Adjectives that may stand there ("powerful").
    headed_adjectives: FastSet<String>,
    /// Agent nouns that with the arena country's demonym name its
    /// government ("the Sudanese foreign ministry").
    arena_government: FastSet<String>,
    locative: FastSet<String>,
    /// Normalised words of fire after which a locative aims ("fired at").
    aimed: FastSet<String>,
    agent_words: FastSet<String>,
    /// Normalised nouns a possessive ties to its owner in a list.
    possessed_words: FastSet<String>,
    modifier_words: FastSet<String>,
    /// Arabic head nouns of unlisted organisations (normalised).
    pub unlisted_heads_ar: Vec<String>,
    /// English head nouns of unlisted organisations (normalised).
    pub unlisted_heads_en: Vec<String>,
    /// Words that are no name after a head noun, or not on their own
    /// (normalised, both languages).
    pub unlisted_generic: FastSet<String>,
    /// English words that end a name on the left (normalised).
    pub unlisted_stop_en: FastSet<String>,
    /// Arabic words that end a name (normalised).
    pub unlisted_stop_ar: FastSet<String>,
    /// Beginnings and endings of Arabic qualifiers that end a name
    /// (normalised; see the `[unlisted]` pack table).
    pub unlisted_qualifier_ar: (Vec<String>, Vec<String>),
    /// Nouns that name a proposal as it is made (normalised, both languages).
    pub proposal_nouns: FastSet<String>,
    /// Verbs whose subject owns the proposal after them (normalised).
    pub announce_verbs: FastSet<String>,
    /// Relative pronouns that may open a clause naming a proposal's owner
    /// (normalised).
    pub relative_words: FastSet<String>,
    /// Phrases after which the actor named is the one a vote produced
    /// ("was named prime minister of"), normalised and lower-cased.
    pub chosen_words: Vec<String>,
}

/// A pack as given: a name for errors and its text.
pub struct PackSource<'a> {
    /// File name or embedded path.
    pub name: String,
    /// TOML text.
    pub text: &'a str,
}

struct Located<'a, T> {
    entry: T,
    file: String,
    /// Line of the entry's `id = "…"`.
    line: usize,
    /// The pack's text from the start of the id line on, to find the line
    /// of a name inside the entry without rescanning the lines before it
    /// (once per name, that made loading the packs quadratic).
    text: &'a str,
}

impl<'a, T> Located<'a, T> {
    /// The line of `"value"` inside this entry (its first line on or after
    /// the id line, before the next table), else the id line.
    fn line_of(&self, value: &str) -> usize {
        self.spot().line_of(value)
    }

    fn spot(&self) -> Spot<'a> {
        Spot {
            text: self.text,
            line: self.line,
        }
    }
}

/// Where an entry is, so that the line of one of its names can be worked
/// out when an error message needs it, and only then.
#[derive(Clone, Copy)]
struct Spot<'a> {
    /// The pack's text from the entry's id line on.
    text: &'a str,
    /// The id line.
    line: usize,
}

impl Spot<'_> {
    /// For names that are not written in an entry of their own.
    const NOWHERE: Spot<'static> = Spot { text: "", line: 0 };

    /// The line of `"value"` inside the entry (its first line on or after
    /// the id line, before the next table), else the id line.
    fn line_of(&self, value: &str) -> usize {
        let quoted = format!("{value:?}");
        let plain = format!("\"{value}\"");
        let first = self.line.max(1);
        for (i, l) in (first - 1..).zip(self.text.lines()) {
            if i + 1 > self.line && l.trim_start().starts_with('[') && !l.contains('"') {
                break;
            }
            if l.contains(&plain) || l.contains(&quoted) || l.contains(&format!("'{value}'")) {
                return i + 1;
            }
        }
        self.line
    }
}

/// The lines of `id = "…"` in a pack, handed out in order so that a
/// duplicate id points at its second occurrence.
struct IdLines<'a> {
    text: &'a str,
    /// For each id, its (line, byte offset of the line) in file order.
    lines: FastMap<String, VecDeque<(usize, usize)>>,
}

impl<'a> IdLines<'a> {
    fn new(text: &'a str) -> IdLines<'a> {
        let mut lines: FastMap<String, VecDeque<(usize, usize)>> = FastMap::default();
        let mut offset = 0;
        for (i, l) in text.split_inclusive('\n').enumerate() {
            let at = offset;
            offset += l.len();
            let Some(rest) = l.trim_start().strip_prefix("id") else {
                continue;
            };
            let Some(value) = rest.trim_start().strip_prefix('=') else {
                continue;
            };
            let value = value.split('#').next().unwrap_or("").trim();
            let value = value.trim_matches(|c| c == '"' || c == '\'');
            lines
                .entry(value.to_string())
                .or_default()
                .push_back((i + 1, at));
        }
        IdLines { text, lines }
    }

    /// The first unused `id = "id"` line and the pack's text from that line
    /// on, or line 0 and the whole text when there is none (an inline
    /// table, say).
    fn next_line(&mut self, id: &str) -> (usize, &'a str) {
        match self.lines.get_mut(id).and_then(VecDeque::pop_front) {
            Some((line, at)) => (line, self.text.get(at..).unwrap_or(self.text)),
            None => (0, self.text),
        }
    }
}

fn data_error(file: &str, line: usize, what: String, hint: &str) -> Error {
    Error::Data {
        path: file.to_string(),
        line,
        what,
        hint: hint.to_string(),
    }
}

fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

fn is_iso_date(d: &str) -> bool {
    let b = d.as_bytes();
    (b.len() == 10 && b[4] == b'-' && b[7] == b'-')
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// The cue packs' verbal nouns, per language, that take a demonym agent.
#[derive(Debug, Clone, Default)]
pub struct VerbalNouns {
    /// English one-word cue forms.
    pub en: Vec<String>,
    /// Arabic rule nouns.
    pub ar: Vec<String>,
}

impl ActorBase {
    /// Loads and validates packs in order; a later entry with the same id
    /// replaces an earlier one (that is how user packs override). Fails with
    /// the first problem found; [`ActorBase::check`] reports them all.
    pub fn load(sources: &[PackSource<'_>]) -> Result<ActorBase> {
        Self::check(sources).map_err(|mut errs| errs.swap_remove(0))
    }

    /// Loads packs like [`ActorBase::load`], with the cue packs' verbal
    /// nouns as agent nouns too: a demonym beside any of them is its agent
    /// ("غارات إماراتية", "لهجوم روسي", "Russian shelling"), so a noun
    /// added to a rule takes a demonym agent with no list to keep in step.
    pub fn load_with_verbal_nouns(
        sources: &[PackSource<'_>],
        verbal_nouns: &VerbalNouns,
    ) -> Result<ActorBase> {
        Self::check_with(sources, verbal_nouns).map_err(|mut errs| errs.swap_remove(0))
    }

    /// Loads and validates packs like [`ActorBase::load`], collecting every
    /// problem (in file order) instead of stopping at the first.
    pub fn check(sources: &[PackSource<'_>]) -> std::result::Result<ActorBase, Vec<Error>> {
        Self::check_with(sources, &VerbalNouns::default())
    }

    fn check_with(
        sources: &[PackSource<'_>],
        verbal_nouns: &VerbalNouns,
    ) -> std::result::Result<ActorBase, Vec<Error>> {
        let mut errs: Vec<Error> = Vec::new();
        let mut actors: Vec<Located<'_, ActorEntry>> = Vec::new();
        let mut persons: Vec<Located<'_, PersonEntry>> = Vec::new();
        let mut contexts: Vec<Located<'_, ContextEntry>> = Vec::new();
        let mut framings = Vec::new();
        let mut references = Vec::new();
        let mut agent_nouns = AgentNouns::default();
        let mut lists = WordLists::default();
        let mut unlisted = super::pack::Unlisted::default();
        let mut arena: FastSet<String> = FastSet::default();
        // Actor and person ids share one name space; contexts have their own.
        let mut seen: FastSet<String> = FastSet::default();
        let mut seen_contexts: FastSet<String> = FastSet::default();
        for source in sources {
            let pack: PackFile = match parse_pack(&source.name, source.text) {
                Ok(pack) => pack,
                Err(e) => {
                    errs.push(e);
                    continue;
                }
            };
            let mut seen_here = FastSet::default();
            let mut lines = IdLines::new(source.text);
            // The line of a new id in this pack, or None (and an error) for
            // an id the pack already used. A later pack may reuse an id: that
            // entry then replaces the earlier one.
            let mut fresh_id = |id: &str, errs: &mut Vec<Error>| -> Option<(usize, &str)> {
                let (line, text) = lines.next_line(id);
                if seen_here.insert(id.to_string()) {
                    return Some((line, text));
                }
                errs.push(data_error(
                    &source.name,
                    line,
                    format!("duplicate id '{id}'"),
                    "expected each id once per pack",
                ));
                None
            };
            let pack_country = pack.country.clone();
            for mut a in pack.actor {
                if a.country.is_none() && a.kind != "state" {
                    a.country = pack_country.clone();
                }
                // `country = ""`: an actor of many conflicts (Wagner, ISIS)
                // tells nothing of where an article is set.
                if a.country.as_deref() == Some("") {
                    a.country = None;
                }
                let Some((line, text)) = fresh_id(&a.id, &mut errs) else {
                    continue;
                };
                // Searching the lists only for an id an earlier pack used
                // keeps loading linear in the number of entries.
                if !seen.insert(a.id.clone()) {
                    actors.retain(|x| x.entry.id != a.id);
                    persons.retain(|x| x.entry.id != a.id);
                }
                actors.push(Located {
                    entry: a,
                    file: source.name.clone(),
                    line,
                    text,
                });
            }
            for p in pack.person {
                let Some((line, text)) = fresh_id(&p.id, &mut errs) else {
                    continue;
                };
                if !seen.insert(p.id.clone()) {
                    actors.retain(|x| x.entry.id != p.id);
                    persons.retain(|x| x.entry.id != p.id);
                }
                persons.push(Located {
                    entry: p,
                    file: source.name.clone(),
                    line,
                    text,
                });
            }
            for mut c in pack.context {
                if c.country.is_none() {
                    c.country = pack_country.clone();
                }
                let (line, text) = lines.next_line(&c.id);
                if !seen_contexts.insert(c.id.clone()) {
                    contexts.retain(|x| x.entry.id != c.id);
                }
                contexts.push(Located {
                    entry: c,
                    file: source.name.clone(),
                    line,
                    text,
                });
            }
            arena.extend(pack.arena.iter().cloned());
            framings.extend(pack.framing.into_iter().map(|f| (source.name.clone(), f)));
            references.extend(pack.reference);
            if let Some(nouns) = pack.agent_nouns {
                agent_nouns.en.extend(nouns.en);
                agent_nouns.ar.extend(nouns.ar);
                agent_nouns.modifiers_en.extend(nouns.modifiers_en);
                agent_nouns.modifiers_ar.extend(nouns.modifiers_ar);
                agent_nouns.not_en.extend(nouns.not_en);
                agent_nouns.not_ar.extend(nouns.not_ar);
                agent_nouns.possessed_en.extend(nouns.possessed_en);
            }
            if let Some(words) = pack.headed {
                lists.headed.compounds_en.extend(words.compounds_en);
                lists.headed.adjectives_en.extend(words.adjectives_en);
            }
            lists.locative.merge(pack.locative);
            lists.aimed.merge(pack.aimed);
            lists.arena_government.merge(pack.arena_government);
            lists.titles.merge(pack.titles);
            lists.so_called.merge(pack.so_called);
            if let Some(u) = pack.unlisted {
                unlisted.heads_ar.extend(u.heads_ar);
                unlisted.heads_en.extend(u.heads_en);
                unlisted.generic_ar.extend(u.generic_ar);
                unlisted.generic_en.extend(u.generic_en);
                unlisted.stop_en.extend(u.stop_en);
                unlisted.stop_ar.extend(u.stop_ar);
                unlisted.qualifier_starts_ar.extend(u.qualifier_starts_ar);
                unlisted.qualifier_ends_ar.extend(u.qualifier_ends_ar);
            }
        }
        for a in actors.iter_mut() {
            a.entry.arena |= arena.contains(&a.entry.id);
        }
        for noun in &verbal_nouns.en {
            if !agent_nouns.not_en.contains(noun) {
                agent_nouns.en.push(noun.clone());
            }
        }
        for noun in &verbal_nouns.ar {
            // Definite and indefinite: "الغارات التركية", "غارات تركية".
            let definite = match noun.starts_with("ال") || noun.contains(' ') {
                true => None,
                false => Some(format!("ال{noun}")),
            };
            for form in definite.into_iter().chain([noun.clone()]) {
                if !agent_nouns.not_ar.contains(&form) {
                    agent_nouns.ar.push(form);
                }
            }
        }
        let base = Self::compile(
            actors,
            persons,
            contexts,
            framings,
            references,
            agent_nouns,
            lists,
            unlisted,
            &mut errs,
        );
        if errs.is_empty() {
            return Ok(base);
        }
        // File order, then line order, so a user reads them top to bottom.
        let rank = |e: &Error| match e {
            Error::Data { path, line, .. } => (
                sources
                    .iter()
                    .position(|s| &s.name == path)
                    .unwrap_or(sources.len()),
                *line,
            ),
            _ => (sources.len(), 0),
        };
        errs.sort_by_key(rank);
        Err(errs)
    }

    #[allow(clippy::too_many_arguments)]
    fn compile<'a>(
        actors: Vec<Located<'a, ActorEntry>>,
        persons: Vec<Located<'a, PersonEntry>>,
        contexts: Vec<Located<'a, ContextEntry>>,
        framings: Vec<(String, super::pack::FramingEntry)>,
        references: Vec<super::pack::ReferenceEntry>,
        agent_nouns: AgentNouns,
        lists: WordLists,
        unlisted: super::pack::Unlisted,
        errs: &mut Vec<Error>,
    ) -> ActorBase {
        let mut index = FastMap::default();
        let mut claims: FastMap<String, (String, String, Spot<'a>, String)> = FastMap::default();
        let mut builder = PhraseMatcherBuilder::default();
        let mut payloads: Vec<(Target, Form)> = Vec::new();
        let mut case_sensitive: Vec<bool> = Vec::new();
        let mut headed: FastMap<String, usize> = FastMap::default();
        let mut add = |builder: &mut PhraseMatcherBuilder,
                       payloads: &mut Vec<(Target, Form)>,
                       claims: &mut FastMap<String, (String, String, Spot<'a>, String)>,
                       name: &str,
                       owner: &str,
                       file: &str,
                       spot: Spot<'a>,
                       target: Target,
                       form: Form|
         -> Result<()> {
            let key = normalize(name.trim()).text;
            if key.trim().is_empty() {
                return Err(data_error(
                    file,
                    spot.line_of(name),
                    format!("empty name for '{owner}'"),
                    "expected a non-empty name",
                ));
            }
            // Capitals and demonyms may repeat across forms of one owner.
            let claim_key = format!("{key}\u{1}{}", matches!(form, Form::Demonym) as u8);
            if let Some((other, other_file, other_spot, other_name)) = claims.get(&claim_key) {
                if other != owner {
                    let other_line = other_spot.line_of(other_name);
                    return Err(data_error(
                        file,
                        spot.line_of(name),
                        format!("alias '{name}' of '{owner}' is already claimed by '{other}' ({other_file}:{other_line})"),
                        "expected each alias to name one actor",
                    ));
                }
                return Ok(());
            }
            claims.insert(
                claim_key,
                (owner.to_string(), file.to_string(), spot, name.to_string()),
            );
            // Short all-capital acronyms (US, IS, AU) must match in capitals,
            // or the pronoun "us" would be the United States.
            let trimmed = name.trim();
            case_sensitive.push(
                trimmed.len() <= 4 && trimmed.chars().all(|c| c.is_ascii_uppercase() || c == '.'),
            );
            payloads.push((target, form));
            builder.add(name, payloads.len() - 1, Edge::Exact);
            Ok(())
        };

        let mut out_actors = Vec::new();
        for (i, loc) in actors.iter().enumerate() {
            let (a, file, line) = (&loc.entry, &loc.file, &loc.line);
            if !is_slug(&a.id) {
                errs.push(data_error(
                    file,
                    *line,
                    format!("invalid id '{}'", a.id),
                    "expected a lower-case slug like 'saudi-arabia'",
                ));
            }
            if !KINDS.contains(&a.kind.as_str()) {
                errs.push(data_error(
                    file,
                    loc.line_of(&a.kind),
                    format!("unknown kind '{}' for '{}'", a.kind, a.id),
                    &format!("expected one of: {}", KINDS.join(", ")),
                ));
            }
            if let Some(d) = a.since.as_deref().filter(|d| !is_iso_date(d)) {
                errs.push(data_error(
                    file,
                    loc.line_of(d),
                    format!("invalid since date '{d}' for '{}'", a.id),
                    "expected YYYY-MM-DD",
                ));
            }
            index.insert(a.id.clone(), i);
            let mut labels = BTreeMap::new();
            if !a.en.is_empty() {
                labels.insert("en".to_string(), a.en.clone());
            }
            if !a.ar.is_empty() {
                labels.insert("ar".to_string(), a.ar.clone());
            }
            out_actors.push(Actor {
                id: a.id.clone(),
                kind: a.kind.clone(),
                labels,
                arena: a.arena,
                country: a.country.clone(),
                names: [&a.en, &a.ar]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .chain(a.aliases_en.iter())
                    .chain(a.aliases_ar.iter())
                    .chain(a.capital_en.iter())
                    .chain(a.capital_ar.iter())
                    .chain(a.demonym_en.iter())
                    .chain(a.demonym_ar.iter())
                    .chain(a.people_en.iter())
                    .chain(a.people_ar.iter())
                    .cloned()
                    .collect(),
                since: a.since.clone(),
            });
            let t = Target::Actor(i);
            let labels: Vec<&String> = [&a.en, &a.ar]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect();
            // The adverb of an Arabic demonym names the state itself
            // ("المدعوم إماراتياً", "المعترف بها أممياً": by the UAE, by the UN).
            let adverbs: Vec<String> = a
                .demonym_ar
                .iter()
                .filter(|d| !d.starts_with("ال") && !d.contains(' ') && d.ends_with('ي'))
                .map(|d| format!("{d}ا"))
                .collect();
            // Each list of names with the form its names take.
            let forms: [(Vec<&String>, Form); 5] = [
                (
                    labels
                        .into_iter()
                        .chain(&a.aliases_en)
                        .chain(&a.aliases_ar)
                        .collect(),
                    Form::Name,
                ),
                (
                    a.capital_en.iter().chain(&a.capital_ar).collect(),
                    Form::Capital,
                ),
                (
                    a.demonym_en.iter().chain(&a.demonym_ar).collect(),
                    Form::Demonym,
                ),
                (
                    a.people_en.iter().chain(&a.people_ar).collect(),
                    Form::People,
                ),
                (adverbs.iter().collect(), Form::Name),
            ];
            for (names, form) in forms {
                for name in names {
                    add(
                        &mut builder,
                        &mut payloads,
                        &mut claims,
                        name,
                        &a.id,
                        file,
                        loc.spot(),
                        t,
                        form,
                    )
                    .unwrap_or_else(|e| errs.push(e));
                }
            }
        }
        let mut out_persons = Vec::new();
        for (i, loc) in persons.iter().enumerate() {
            let (p, file, line) = (&loc.entry, &loc.file, &loc.line);
            if !is_slug(&p.id) {
                errs.push(data_error(
                    file,
                    *line,
                    format!("invalid id '{}'", p.id),
                    "expected a lower-case slug like 'fayez-al-sarraj'",
                ));
            }
            let mut affiliations = Vec::new();
            for a in &p.affiliation {
                if !index.contains_key(&a.org) {
                    errs.push(data_error(
                        file,
                        loc.line_of(&a.org),
                        format!("affiliation of '{}' to unknown id '{}'", p.id, a.org),
                        "expected the id of an actor in a pack",
                    ));
                }
                for d in a.from.iter().chain(a.to.iter()) {
                    if !is_iso_date(d) {
                        errs.push(data_error(
                            file,
                            loc.line_of(d),
                            format!("bad date '{d}' for '{}'", p.id),
                            "expected YYYY-MM-DD",
                        ));
                    }
                }
                if let (Some(f), Some(t)) = (&a.from, &a.to) {
                    if f > t {
                        errs.push(data_error(
                            file,
                            loc.line_of(t),
                            format!("dates out of order for '{}': {f} > {t}", p.id),
                            "expected from <= to",
                        ));
                    }
                }
                affiliations.push((a.org.clone(), a.from.clone(), a.to.clone()));
            }
            if affiliations.is_empty() {
                errs.push(data_error(
                    file,
                    *line,
                    format!("person '{}' has no affiliation", p.id),
                    "expected affiliation = [{ org = \"…\" }]",
                ));
            }
            if let Some(org) = &p.undated {
                if !affiliations.iter().any(|(o, _, _)| o == org) {
                    errs.push(data_error(
                        file,
                        loc.line_of(org),
                        format!(
                            "undated org '{org}' of '{}' is none of its affiliations",
                            p.id
                        ),
                        "expected the org of one of the person's affiliations",
                    ));
                }
            }
            let mut labels = BTreeMap::new();
            if !p.en.is_empty() {
                labels.insert("en".to_string(), p.en.clone());
            }
            if !p.ar.is_empty() {
                labels.insert("ar".to_string(), p.ar.clone());
            }
            out_persons.push(Person {
                id: p.id.clone(),
                labels,
                affiliations,
                undated: p.undated.clone(),
                names: [&p.en, &p.ar]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .chain(p.aliases_en.iter())
                    .chain(p.aliases_ar.iter())
                    .cloned()
                    .collect(),
            });
            let names = [&p.en, &p.ar].into_iter().filter(|s| !s.is_empty());
            for name in names.chain(p.aliases_en.iter()).chain(p.aliases_ar.iter()) {
                add(
                    &mut builder,
                    &mut payloads,
                    &mut claims,
                    name,
                    &p.id,
                    file,
                    loc.spot(),
                    Target::Person(i),
                    Form::Name,
                )
                .unwrap_or_else(|e| errs.push(e));
            }
        }
        let mut out_contexts = Vec::new();
        for (i, loc) in contexts.iter().enumerate() {
            let (c, file) = (&loc.entry, &loc.file);
            let targets = c
                .default
                .iter()
                .chain(c.framing.values())
                .chain(c.present.keys())
                .chain(c.present.values())
                .chain(c.recent.iter())
                .chain(c.all.iter())
                .chain(c.dated.iter().map(|d| &d.id));
            for t in targets {
                if !index.contains_key(t) {
                    errs.push(data_error(
                        file,
                        loc.line_of(t),
                        format!("context '{}' names unknown id '{t}'", c.id),
                        "expected actor ids",
                    ));
                }
            }
            out_contexts.push(Context {
                id: c.id.clone(),
                default: c.default.clone(),
                framing: c.framing.clone(),
                present: c.present.clone(),
                recent: c.recent.clone(),
                recent_kinds: c.recent_kinds.clone(),
                all: c.all.clone(),
                country: c.country.clone(),
                role: c.role.clone(),
                state: c.state,
                dated: c
                    .dated
                    .iter()
                    .map(|d| (d.id.clone(), d.from.clone(), d.to.clone()))
                    .collect(),
            });
            for d in c
                .dated
                .iter()
                .flat_map(|d| d.from.iter().chain(d.to.iter()))
            {
                if !is_iso_date(d) {
                    errs.push(data_error(
                        file,
                        loc.line_of(d),
                        format!("bad date '{d}' in context '{}'", c.id),
                        "expected YYYY-MM-DD",
                    ));
                }
            }
            for name in c.aliases_en.iter().chain(c.aliases_ar.iter()) {
                let before = payloads.len();
                add(
                    &mut builder,
                    &mut payloads,
                    &mut claims,
                    name,
                    &c.id,
                    file,
                    loc.spot(),
                    Target::Context(i),
                    Form::Name,
                )
                .unwrap_or_else(|e| errs.push(e));
                // "the government" also reads with modifiers between the
                // article and the noun ("the Saudi-backed government").
                if let Some(head) = name.strip_prefix("the ") {
                    if payloads.len() > before {
                        headed.insert(normalize(head).text, before);
                    }
                }
            }
        }
        let mut pair_kinds: Vec<Vec<String>> = Vec::new();
        for r in &references {
            let kind = match r.kind.as_str() {
                "pair" if !r.of.is_empty() => {
                    pair_kinds.push(r.of.clone());
                    RefKind::PairOf(pair_kinds.len() - 1)
                }
                "pair" => RefKind::Pair,
                "latter" => RefKind::Latter,
                "former" => RefKind::Former,
                "object" => RefKind::Object,
                "remarks" => RefKind::Remarks,
                "outcome" => RefKind::Outcome,
                "chosen" => RefKind::Chosen,
                "proposal" => RefKind::Proposal,
                other => {
                    errs.push(data_error(
                        "references",
                        0,
                        format!("unknown reference kind '{other}'"),
                        "expected pair, latter, former, object, remarks, outcome, chosen or proposal",
                    ));
                    continue;
                }
            };
            for name in r.en.iter().chain(r.ar.iter()) {
                add(
                    &mut builder,
                    &mut payloads,
                    &mut claims,
                    name,
                    &format!("reference:{}", r.kind),
                    "references",
                    Spot::NOWHERE,
                    Target::Reference(kind),
                    Form::Name,
                )
                .unwrap_or_else(|e| errs.push(e));
            }
        }
        // Proposal nouns are agent nouns too: "the Egyptian initiative" is
        // Egypt's, and a plan named alone is a hit whose owner is looked for.
        let mut agent_nouns = agent_nouns;
        for r in &references {
            agent_nouns.en.extend(r.nouns_en.iter().cloned());
            agent_nouns.ar.extend(r.nouns_ar.iter().cloned());
        }
        for name in agent_nouns.en.iter().chain(agent_nouns.ar.iter()) {
            let key = normalize(name).text;
            if claims.contains_key(&format!("{key}\u{1}0")) {
                // Already an actor word (الجيش): the combination step still sees it.
                continue;
            }
            add(
                &mut builder,
                &mut payloads,
                &mut claims,
                name,
                "agent-noun",
                "agent_nouns",
                Spot::NOWHERE,
                Target::AgentNoun,
                Form::Name,
            )
            .unwrap_or_else(|e| errs.push(e));
        }
        for name in agent_nouns
            .modifiers_en
            .iter()
            .chain(agent_nouns.modifiers_ar.iter())
        {
            let key = normalize(name).text;
            if claims.contains_key(&format!("{key}\u{1}0")) {
                continue;
            }
            add(
                &mut builder,
                &mut payloads,
                &mut claims,
                name,
                "modifier",
                "agent_nouns",
                Spot::NOWHERE,
                Target::Modifier,
                Form::Name,
            )
            .unwrap_or_else(|e| errs.push(e));
        }
        let mut framing_builder = PhraseMatcherBuilder::default();
        let mut framing_names: Vec<String> = Vec::new();
        let mut framing_payloads = Vec::new();
        let mut scorned: Vec<(String, usize)> = Vec::new();
        for (file, f) in &framings {
            let fi = match framing_names.iter().position(|n| n == &f.name) {
                Some(i) => i,
                None => {
                    framing_names.push(f.name.clone());
                    framing_names.len() - 1
                }
            };
            for id in &f.scorns {
                if !index.contains_key(id) {
                    errs.push(Error::Data {
                        path: file.clone(),
                        line: 0,
                        what: format!("framing '{}' scorns unknown id '{id}'", f.name),
                        hint: "expected the id of an actor in a pack".into(),
                    });
                }
                scorned.push((id.clone(), fi));
            }
            for m in f.markers_en.iter().chain(f.markers_ar.iter()) {
                framing_payloads.push(fi);
                framing_builder.add(m, framing_payloads.len() - 1, Edge::Exact);
            }
        }
        let norm_list = |v: &[String]| v.iter().map(|w| normalize(w).text).collect::<Vec<_>>();
        ActorBase {
            actors: out_actors,
            persons: out_persons,
            contexts: out_contexts,
            pair_kinds,
            framings: framing_names,
            index,
            matcher: builder.build(),
            payloads,
            case_sensitive,
            framing_matcher: framing_builder.build(),
            framing_payloads,
            scorned,
            so_called: norm_words(&lists.so_called).into_iter().collect(),
            titles: norm_words(&lists.titles),
            headed,
            headed_compounds: norm_set(&lists.headed.compounds_en, &[]),
            headed_adjectives: norm_set(&lists.headed.adjectives_en, &[]),
            arena_government: norm_words(&lists.arena_government),
            locative: norm_words(&lists.locative),
            aimed: norm_words(&lists.aimed),
            agent_words: norm_set(&agent_nouns.en, &agent_nouns.ar),
            possessed_words: norm_set(&agent_nouns.possessed_en, &[]),
            modifier_words: norm_set(&agent_nouns.modifiers_en, &agent_nouns.modifiers_ar),
            unlisted_heads_ar: norm_list(&unlisted.heads_ar),
            unlisted_heads_en: norm_list(&unlisted.heads_en),
            unlisted_generic: norm_list(&unlisted.generic_ar)
                .into_iter()
                .chain(norm_list(&unlisted.generic_en))
                .collect(),
            unlisted_stop_en: norm_list(&unlisted.stop_en).into_iter().collect(),
            unlisted_stop_ar: norm_list(&unlisted.stop_ar).into_iter().collect(),
            unlisted_qualifier_ar: (
                norm_list(&unlisted.qualifier_starts_ar),
                norm_list(&unlisted.qualifier_ends_ar),
            ),
            proposal_nouns: references
                .iter()
                .flat_map(|r| norm_set(&r.nouns_en, &r.nouns_ar))
                .collect(),
            announce_verbs: references
                .iter()
                .flat_map(|r| norm_set(&r.announce_en, &r.announce_ar))
                .collect(),
            relative_words: references
                .iter()
                .flat_map(|r| norm_set(&r.relative_en, &r.relative_ar))
                .collect(),
            chosen_words: references
                .iter()
                .flat_map(|r| r.chosen_en.iter().chain(&r.chosen_ar))
                .map(|w| normalize(w).text.to_lowercase())
                .collect(),
        }
    }

    /// The actor with this id.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.index.get(id).map(|&i| &self.actors[i])
    }

    /// The entry that reads `role` in articles about `country`, if any.
    pub fn role_in(&self, role: &str, country: &str) -> Option<&Context> {
        self.contexts
            .iter()
            .find(|c| c.role.as_deref() == Some(role) && c.country.as_deref() == Some(country))
    }

    /// The phrase matcher over all names.
    pub fn matcher(&self) -> &PhraseMatcher {
        &self.matcher
    }

    /// What payload `i` of a hit means.
    pub fn payload(&self, i: usize) -> (Target, Form) {
        self.payloads[i]
    }

    /// Matcher of framing markers and the framing index of each payload.
    pub fn framing(&self) -> (&PhraseMatcher, &[usize]) {
        (&self.framing_matcher, &self.framing_payloads)
    }

    /// Whether payload `i` must match in capitals (short acronyms).
    pub fn is_case_sensitive(&self, i: usize) -> bool {
        self.case_sensitive[i]
    }

    /// Whether a normalised phrase is an agent noun (forces, القوات).
    pub fn is_agent_noun(&self, phrase: &str) -> bool {
        self.agent_words.contains(phrase)
    }

    /// Whether a possessive before this normalised noun names its owner as
    /// the list member: an agent noun, or one of `possessed_en`.
    pub fn is_possessed_noun(&self, word: &str) -> bool {
        self.agent_words.contains(word) || self.possessed_words.contains(word)
    }

    /// Whether a normalised word may stand between an agent noun and a demonym.
    pub fn is_modifier(&self, phrase: &str) -> bool {
        self.modifier_words.contains(phrase)
    }

    /// The framings (indices into [`ActorBase::framings`]) that `text`
    /// marks when it names actor `id` at `at` right after a scare word:
    /// «ما يسمى "القيادة العامة"», "the so-called Government of National
    /// Accord" (quotes and a ب between them are allowed).
    pub fn scorning_framings(&self, text: &str, at: usize, id: &str) -> Vec<usize> {
        let before = text[..at].trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, '"' | '\'' | '«' | '»' | '“' | '”' | 'ب')
        });
        let scare = self.so_called.iter().any(|w| {
            let cut = before.len().saturating_sub(w.len());
            before
                .get(cut..)
                .is_some_and(|end| end.eq_ignore_ascii_case(w))
                && before[..cut]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
        });
        if !scare {
            return Vec::new();
        }
        self.scorned
            .iter()
            .filter(|(scorned, _)| scorned == id)
            .map(|&(_, fi)| fi)
            .collect()
    }

    /// Whether a normalised word is a title noun (وزير, مسؤول, سفير).
    pub fn is_title(&self, word: &str) -> bool {
        self.titles.contains(word)
    }

    /// Whether a normalised word is a locative preposition.
    pub fn is_locative(&self, word: &str) -> bool {
        self.locative.contains(word)
    }

    /// The payload of a context alias "the <head>" by its normalised head.
    pub fn headed_role(&self, head: &str) -> Option<usize> {
        self.headed.get(head).copied()
    }

    /// Whether a normalised word may modify a headed role noun: the second
    /// part of a compound ("backed" in "Saudi-backed"), or with
    /// `compound = false` an adjective ("powerful").
    pub fn is_headed_modifier(&self, word: &str, compound: bool) -> bool {
        if compound {
            self.headed_compounds.contains(word)
        } else {
            self.headed_adjectives.contains(word)
        }
    }

    /// Whether a normalised agent noun, with the arena country's demonym,
    /// names that country's government ("the Sudanese foreign ministry").
    pub fn is_arena_government_noun(&self, phrase: &str) -> bool {
        self.arena_government.contains(phrase)
    }

    /// Whether a normalised word aims the locative after it at a target
    /// ("missiles at Kyiv", "fired at Kyiv").
    pub fn is_aimed(&self, word: &str) -> bool {
        self.aimed.contains(word)
    }
}

/// The word-list sections of the packs, merged across packs.
#[derive(Default)]
struct WordLists {
    locative: Words,
    aimed: Words,
    arena_government: Words,
    so_called: Words,
    titles: Words,
    headed: super::pack::HeadedModifiers,
}

/// The normalised words of a per-language list, as one set.
fn norm_words(words: &Words) -> FastSet<String> {
    norm_set(&words.en, &words.ar)
}

/// The normalised words of an English and an Arabic list, as one set.
fn norm_set(en: &[String], ar: &[String]) -> FastSet<String> {
    en.iter().chain(ar).map(|w| normalize(w).text).collect()
}
