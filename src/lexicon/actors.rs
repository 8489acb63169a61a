//! The compiled actor knowledge base: every pack entry validated, every name
//! compiled into one matcher whose payload says what a hit means.

use super::matcher::{Edge, PhraseMatcher, PhraseMatcherBuilder};
use super::pack::{
    parse_pack, ActorEntry, AgentNouns, ContextEntry, PackFile, PersonEntry, QuotedLines, Words,
    KINDS,
};
use crate::error::{Error, Result};
use crate::text::normalize;
use std::collections::{BTreeMap, HashMap, HashSet};

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
    /// The latter, الأخير.
    Latter,
    /// The former.
    Former,
    /// The remarks, the speech: what the main speaker said.
    Remarks,
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
}

impl Person {
    /// The organisation the person acts for on `date` (ISO), or the latest one.
    pub fn org_on(&self, date: Option<&str>) -> Option<&str> {
        if let Some(date) = date {
            let during = self.affiliations.iter().find(|(_, from, to)| {
                from.as_deref().is_none_or(|f| f <= date) && to.as_deref().is_none_or(|t| date <= t)
            });
            if let Some((org, _, _)) = during {
                return Some(org);
            }
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
    /// Framing names, by index of [`ActorBase::framing_hits`] payloads.
    pub framings: Vec<String>,
    index: HashMap<String, usize>,
    matcher: PhraseMatcher,
    payloads: Vec<(Target, Form)>,
    case_sensitive: Vec<bool>,
    framing_matcher: PhraseMatcher,
    framing_payloads: Vec<usize>,
    locative: HashSet<String>,
    agent_words: HashSet<String>,
    modifier_words: HashSet<String>,
    /// Arabic head nouns of unlisted organisations (normalised).
    pub unlisted_heads_ar: Vec<String>,
    /// English head nouns of unlisted organisations (normalised).
    pub unlisted_heads_en: Vec<String>,
}

/// A pack as given: a name for errors and its text.
pub struct PackSource<'a> {
    /// File name or embedded path.
    pub name: String,
    /// TOML text.
    pub text: &'a str,
}

struct Located<T> {
    entry: T,
    file: String,
    line: usize,
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

impl ActorBase {
    /// Loads and validates packs in order; a later entry with the same id
    /// replaces an earlier one (that is how user packs override).
    pub fn load(sources: &[PackSource<'_>]) -> Result<ActorBase> {
        let mut actors: Vec<Located<ActorEntry>> = Vec::new();
        let mut persons: Vec<Located<PersonEntry>> = Vec::new();
        let mut contexts: Vec<Located<ContextEntry>> = Vec::new();
        let mut framings = Vec::new();
        let mut references = Vec::new();
        let mut agent_nouns = AgentNouns::default();
        let mut locative = Words::default();
        let mut unlisted = super::pack::Unlisted::default();
        let mut arena: HashSet<String> = HashSet::new();
        for source in sources {
            let pack: PackFile = parse_pack(&source.name, source.text)?;
            let mut seen_here = HashSet::new();
            let lines = QuotedLines::new(source.text);
            let locate = |id: &str| lines.line(id);
            for a in pack.actor {
                let line = locate(&a.id);
                if !seen_here.insert(a.id.clone()) {
                    return Err(data_error(
                        &source.name,
                        line,
                        format!("duplicate id '{}'", a.id),
                        "expected each id once per pack",
                    ));
                }
                actors.retain(|x| x.entry.id != a.id);
                persons.retain(|x| x.entry.id != a.id);
                actors.push(Located {
                    entry: a,
                    file: source.name.clone(),
                    line,
                });
            }
            for p in pack.person {
                let line = locate(&p.id);
                if !seen_here.insert(p.id.clone()) {
                    return Err(data_error(
                        &source.name,
                        line,
                        format!("duplicate id '{}'", p.id),
                        "expected each id once per pack",
                    ));
                }
                actors.retain(|x| x.entry.id != p.id);
                persons.retain(|x| x.entry.id != p.id);
                persons.push(Located {
                    entry: p,
                    file: source.name.clone(),
                    line,
                });
            }
            for c in pack.context {
                let line = locate(&c.id);
                contexts.retain(|x| x.entry.id != c.id);
                contexts.push(Located {
                    entry: c,
                    file: source.name.clone(),
                    line,
                });
            }
            arena.extend(pack.arena.iter().cloned());
            framings.extend(pack.framing);
            references.extend(pack.reference);
            if let Some(nouns) = pack.agent_nouns {
                agent_nouns.en.extend(nouns.en);
                agent_nouns.ar.extend(nouns.ar);
                agent_nouns.modifiers_en.extend(nouns.modifiers_en);
                agent_nouns.modifiers_ar.extend(nouns.modifiers_ar);
            }
            if let Some(words) = pack.locative {
                locative.en.extend(words.en);
                locative.ar.extend(words.ar);
            }
            if let Some(u) = pack.unlisted {
                unlisted.heads_ar.extend(u.heads_ar);
                unlisted.heads_en.extend(u.heads_en);
            }
        }
        for a in actors.iter_mut() {
            a.entry.arena |= arena.contains(&a.entry.id);
        }
        Self::compile(
            actors,
            persons,
            contexts,
            framings,
            references,
            agent_nouns,
            locative,
            unlisted,
        )
    }

    #[allow(clippy::too_many_arguments)]
    fn compile(
        actors: Vec<Located<ActorEntry>>,
        persons: Vec<Located<PersonEntry>>,
        contexts: Vec<Located<ContextEntry>>,
        framings: Vec<super::pack::FramingEntry>,
        references: Vec<super::pack::ReferenceEntry>,
        agent_nouns: AgentNouns,
        locative: Words,
        unlisted: super::pack::Unlisted,
    ) -> Result<ActorBase> {
        let mut index = HashMap::new();
        let mut claims: HashMap<String, (String, String, usize)> = HashMap::new();
        let mut builder = PhraseMatcherBuilder::default();
        let mut payloads: Vec<(Target, Form)> = Vec::new();
        let mut case_sensitive: Vec<bool> = Vec::new();
        let mut add = |builder: &mut PhraseMatcherBuilder,
                       payloads: &mut Vec<(Target, Form)>,
                       claims: &mut HashMap<String, (String, String, usize)>,
                       name: &str,
                       owner: &str,
                       file: &str,
                       line: usize,
                       target: Target,
                       form: Form|
         -> Result<()> {
            let key = normalize(name.trim()).text;
            if key.trim().is_empty() {
                return Err(data_error(
                    file,
                    line,
                    format!("empty name for '{owner}'"),
                    "expected a non-empty name",
                ));
            }
            // Capitals and demonyms may repeat across forms of one owner.
            let claim_key = format!("{key}\u{1}{}", matches!(form, Form::Demonym) as u8);
            if let Some((other, other_file, other_line)) = claims.get(&claim_key) {
                if other != owner {
                    return Err(data_error(
                        file,
                        line,
                        format!("alias '{name}' of '{owner}' is already claimed by '{other}' ({other_file}:{other_line})"),
                        "expected each alias to name one actor",
                    ));
                }
                return Ok(());
            }
            claims.insert(claim_key, (owner.to_string(), file.to_string(), line));
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
        for (
            i,
            Located {
                entry: a,
                file,
                line,
            },
        ) in actors.iter().enumerate()
        {
            if !is_slug(&a.id) {
                return Err(data_error(
                    file,
                    *line,
                    format!("invalid id '{}'", a.id),
                    "expected a lower-case slug like 'saudi-arabia'",
                ));
            }
            if !KINDS.contains(&a.kind.as_str()) {
                return Err(data_error(
                    file,
                    *line,
                    format!("unknown kind '{}' for '{}'", a.kind, a.id),
                    &format!("expected one of: {}", KINDS.join(", ")),
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
            });
            let t = Target::Actor(i);
            let names = [&a.en, &a.ar].into_iter().filter(|s| !s.is_empty());
            for name in names.chain(a.aliases_en.iter()).chain(a.aliases_ar.iter()) {
                add(
                    &mut builder,
                    &mut payloads,
                    &mut claims,
                    name,
                    &a.id,
                    file,
                    *line,
                    t,
                    Form::Name,
                )?;
            }
            for name in a.capital_en.iter().chain(a.capital_ar.iter()) {
                add(
                    &mut builder,
                    &mut payloads,
                    &mut claims,
                    name,
                    &a.id,
                    file,
                    *line,
                    t,
                    Form::Capital,
                )?;
            }
            for name in a.demonym_en.iter().chain(a.demonym_ar.iter()) {
                add(
                    &mut builder,
                    &mut payloads,
                    &mut claims,
                    name,
                    &a.id,
                    file,
                    *line,
                    t,
                    Form::Demonym,
                )?;
            }
            for name in a.people_en.iter().chain(a.people_ar.iter()) {
                add(
                    &mut builder,
                    &mut payloads,
                    &mut claims,
                    name,
                    &a.id,
                    file,
                    *line,
                    t,
                    Form::People,
                )?;
            }
        }
        let mut out_persons = Vec::new();
        for (
            i,
            Located {
                entry: p,
                file,
                line,
            },
        ) in persons.iter().enumerate()
        {
            if !is_slug(&p.id) {
                return Err(data_error(
                    file,
                    *line,
                    format!("invalid id '{}'", p.id),
                    "expected a lower-case slug like 'fayez-al-sarraj'",
                ));
            }
            let mut affiliations = Vec::new();
            for a in &p.affiliation {
                if !index.contains_key(&a.org) {
                    return Err(data_error(
                        file,
                        *line,
                        format!("affiliation of '{}' to unknown id '{}'", p.id, a.org),
                        "expected the id of an actor in a pack",
                    ));
                }
                for d in a.from.iter().chain(a.to.iter()) {
                    if !is_iso_date(d) {
                        return Err(data_error(
                            file,
                            *line,
                            format!("bad date '{d}' for '{}'", p.id),
                            "expected YYYY-MM-DD",
                        ));
                    }
                }
                if let (Some(f), Some(t)) = (&a.from, &a.to) {
                    if f > t {
                        return Err(data_error(
                            file,
                            *line,
                            format!("dates out of order for '{}': {f} > {t}", p.id),
                            "expected from <= to",
                        ));
                    }
                }
                affiliations.push((a.org.clone(), a.from.clone(), a.to.clone()));
            }
            if affiliations.is_empty() {
                return Err(data_error(
                    file,
                    *line,
                    format!("person '{}' has no affiliation", p.id),
                    "expected affiliation = [{ org = \"…\" }]",
                ));
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
                    *line,
                    Target::Person(i),
                    Form::Name,
                )?;
            }
        }
        let mut out_contexts = Vec::new();
        for (
            i,
            Located {
                entry: c,
                file,
                line,
            },
        ) in contexts.iter().enumerate()
        {
            let targets = c
                .default
                .iter()
                .chain(c.framing.values())
                .chain(c.present.keys())
                .chain(c.present.values())
                .chain(c.recent.iter());
            for t in targets {
                if !index.contains_key(t) {
                    return Err(data_error(
                        file,
                        *line,
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
            });
            for name in c.aliases_en.iter().chain(c.aliases_ar.iter()) {
                add(
                    &mut builder,
                    &mut payloads,
                    &mut claims,
                    name,
                    &c.id,
                    file,
                    *line,
                    Target::Context(i),
                    Form::Name,
                )?;
            }
        }
        for r in &references {
            let kind = match r.kind.as_str() {
                "pair" => RefKind::Pair,
                "latter" => RefKind::Latter,
                "former" => RefKind::Former,
                "remarks" => RefKind::Remarks,
                other => {
                    return Err(data_error(
                        "references",
                        0,
                        format!("unknown reference kind '{other}'"),
                        "expected pair, latter or former",
                    ))
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
                    0,
                    Target::Reference(kind),
                    Form::Name,
                )?;
            }
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
                0,
                Target::AgentNoun,
                Form::Name,
            )?;
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
                0,
                Target::Modifier,
                Form::Name,
            )?;
        }
        let mut framing_builder = PhraseMatcherBuilder::default();
        let mut framing_names: Vec<String> = Vec::new();
        let mut framing_payloads = Vec::new();
        for f in &framings {
            let fi = match framing_names.iter().position(|n| n == &f.name) {
                Some(i) => i,
                None => {
                    framing_names.push(f.name.clone());
                    framing_names.len() - 1
                }
            };
            for m in f.markers_en.iter().chain(f.markers_ar.iter()) {
                framing_payloads.push(fi);
                framing_builder.add(m, framing_payloads.len() - 1, Edge::Exact);
            }
        }
        let norm_list = |v: &[String]| v.iter().map(|w| normalize(w).text).collect::<Vec<_>>();
        Ok(ActorBase {
            actors: out_actors,
            persons: out_persons,
            contexts: out_contexts,
            framings: framing_names,
            index,
            matcher: builder.build(),
            payloads,
            case_sensitive,
            framing_matcher: framing_builder.build(),
            framing_payloads,
            locative: locative
                .en
                .iter()
                .chain(locative.ar.iter())
                .map(|w| normalize(w).text)
                .collect(),
            agent_words: agent_nouns
                .en
                .iter()
                .chain(agent_nouns.ar.iter())
                .map(|w| normalize(w).text)
                .collect(),
            modifier_words: agent_nouns
                .modifiers_en
                .iter()
                .chain(agent_nouns.modifiers_ar.iter())
                .map(|w| normalize(w).text)
                .collect(),
            unlisted_heads_ar: norm_list(&unlisted.heads_ar),
            unlisted_heads_en: norm_list(&unlisted.heads_en),
        })
    }

    /// The actor with this id.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.index.get(id).map(|&i| &self.actors[i])
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

    /// Whether a normalised word may stand between an agent noun and a demonym.
    pub fn is_modifier(&self, phrase: &str) -> bool {
        self.modifier_words.contains(phrase)
    }

    /// Whether a normalised word is a locative preposition.
    pub fn is_locative(&self, word: &str) -> bool {
        self.locative.contains(word)
    }
}
