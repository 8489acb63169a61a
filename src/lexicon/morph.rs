//! Arabic morphology as data: a cue written as a lemma (`دعم/I`,
//! `أرسل/IV`, `استهدف/X`) stands for all its surface forms, generated when
//! the pack is loaded and compiled into the one cue automaton.
//!
//! A lemma is the perfect 3rd person masculine singular and the verb form
//! (I–X, or Q for a quadriliteral such as سيطر). Generation works in the
//! normalised, unvocalised spelling of `text::normalize` (hamza seats
//! folded to ا/و/ي, ة to ه, ى to ي), from the written perfect as a
//! template, so assimilated (وقف) and geminate (صد) roots need no root
//! analysis. Unvocalised Arabic spells many forms alike (active and passive
//! voice; the two participles of a derived form), which keeps lists short.
//!
//! Generated, per lemma:
//! - finite verbs: the perfect with every person ending (ت ا تا وا ن نا تم
//!   تن تما) and the imperfect with every prefix (ي ت ن ا) and ending (ان
//!   ون وا ن ين ا): يدعمون، تدعمان، دعمتم. Object pronouns (ها، هم …) and
//!   proclitics (و ف س ل) are the matcher's business;
//! - participles, each also with ال and the endings ة ون ين ات ان
//!   (الداعمة، مؤيدين، المدعومات), and the accusative ـاً of the active one,
//!   read as circumstantial (داعماً);
//! - the verbal noun of a derived form (تأييد، مساندة، إرسال، استهداف);
//!   Form I verbal nouns are lexical and named: `دعم/I:دعم`.
//!
//! Weak roots covered: assimilated Form I (وقف → يقف), geminate Form I of
//! two written letters (صد → يصد، صددنا), hollow IV, VII, VIII, X (أقام →
//! يقيم، أقمنا، إقامة) and defective derived forms (ألقى → يلقي، ألقوا،
//! إلقاء; no participles). Not generated: hollow and defective Form I
//! (قال/يقول, دعا/يدعو), Form III فعال nouns (قتال), broken plurals: list
//! those forms as plain words.

use crate::text::normalize;

/// The role a generated form plays in a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A finite verb (perfect or imperfect, any person): a rule's `cues`.
    Verb,
    /// The bare perfect (رفض، نقل): a finite verb that, in Form I, is
    /// often spelt like the verbal noun, so it keeps a noun's proclitics
    /// ("برفض مصر", "بنقل المرتزقة") where other finite forms do not.
    BarePerfect,
    /// An attributive participle, active (الداعمة لـ) or passive (المدعومة
    /// من): a verb whose subject is the noun it modifies.
    Participle,
    /// The accusative participle (داعماً، متهماً): circumstantial, its
    /// subject is the sentence's main subject (`~` in the packs).
    Circumstantial,
    /// The verbal noun (مساندة، إرسال، استهداف): a rule's `nouns`.
    VerbalNoun,
    /// A 1st person finite verb (ندعم، دعمنا، أدعم): its subject is the
    /// speaker, so only rules with `source = "speaker"` take it.
    FirstPerson,
}

/// Verb forms, named as the grammars number them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(clippy::upper_case_acronyms)]
enum Form {
    I,
    II,
    III,
    IV,
    V,
    VI,
    VII,
    VIII,
    X,
    Q,
}

/// Which forms a lemma entry asks for (`@selector` after the lemma).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Select {
    /// Finite verbs, the circumstantial participle and the verbal noun
    /// (in `cues`).
    All,
    /// `@verb`: finite verbs and the verbal noun, no participle: for
    /// derived forms whose participle reads as passive or as another word
    /// (مسلحاً "armed").
    Verb,
    /// `@participle`: the attributive active participles only (الداعمة،
    /// مؤيدين), for a rule whose holder is the noun before (`source =
    /// "before"`).
    Participle,
    /// `@finite`: finite verbs only, for verbs whose verbal noun is a
    /// common word of another sense (سيطرة "control").
    Finite,
    /// `@passive`: the passive participle only (المدعومة من).
    Passive,
    /// In `nouns`: the verbal noun only.
    Noun,
}

/// A parsed lemma entry: `perfect/FORM[:noun,noun][@selector]`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Lemma {
    perfect: Vec<char>,
    form: Form,
    nouns: Vec<String>,
    select: Select,
}

/// Imperfect prefixes: he/they, she/you, we, I.
const IMPERFECT: [char; 4] = ['ي', 'ت', 'ن', 'ا'];
/// Perfect endings after a vowel-initial ending keeps the stem (دعموا) …
const PERFECT_V: [&str; 5] = ["", "ت", "ا", "تا", "وا"];
/// … and consonant-initial ones, before which a hollow stem shortens
/// (أقمنا) and a geminate one splits (صددنا).
const PERFECT_C: [&str; 5] = ["ن", "نا", "تم", "تن", "تما"];
/// Imperfect endings of ي/ت: dual, plural (indicative and subjunctive),
/// feminine plural, 2nd feminine singular, subjunctive dual.
const IMPERFECT_ENDINGS: [&str; 6] = ["ان", "ون", "وا", "ن", "ين", "ا"];
/// Endings of an attributive participle (ة is normalised to ه).
const PARTICIPLE_ENDINGS: [&str; 6] = ["", "ه", "ون", "ين", "ات", "ان"];

/// Whether a word is written as a lemma (`دعم/I`).
pub fn is_lemma(word: &str) -> bool {
    word.contains('/')
}

fn parse(word: &str, in_nouns: bool) -> Option<Lemma> {
    let (word, select) = match word.split_once('@') {
        Some((w, "verb")) => (w, Select::Verb),
        Some((w, "passive")) => (w, Select::Passive),
        Some((w, "finite")) => (w, Select::Finite),
        Some((w, "participle")) => (w, Select::Participle),
        Some(_) => return None,
        None => (word, if in_nouns { Select::Noun } else { Select::All }),
    };
    let (perfect, rest) = word.split_once('/')?;
    let (form, nouns) = match rest.split_once(':') {
        Some((f, n)) => (f, n.split(',').map(|s| normalize(s.trim()).text).collect()),
        None => (rest, Vec::new()),
    };
    let form = match form.trim() {
        "I" => Form::I,
        "II" => Form::II,
        "III" => Form::III,
        "IV" => Form::IV,
        "V" => Form::V,
        "VI" => Form::VI,
        "VII" => Form::VII,
        "VIII" => Form::VIII,
        "X" => Form::X,
        "Q" => Form::Q,
        _ => return None,
    };
    let perfect: Vec<char> = normalize(perfect.trim()).text.chars().collect();
    if perfect.len() < 2
        || perfect
            .iter()
            .any(|c| !('\u{0621}'..='\u{064A}').contains(c))
    {
        return None;
    }
    Some(Lemma {
        perfect,
        form,
        nouns,
        select,
    })
}

fn s(chars: &[char]) -> String {
    chars.iter().collect()
}

/// A hollow derived verb: ا before the last radical (أقام، استعاد، اختار).
fn is_hollow(l: &Lemma) -> bool {
    let p = &l.perfect;
    let len = match l.form {
        Form::IV => 4,
        Form::VII | Form::VIII => 5,
        Form::X => 6,
        _ => return false,
    };
    p.len() == len && p[len - 2] == 'ا'
}

/// A defective derived verb: final ي (ى normalised), not Form I.
fn is_defective(l: &Lemma) -> bool {
    l.form != Form::I && l.perfect.last() == Some(&'ي')
}

/// A geminate Form I written with two letters (صد، رد).
fn is_geminate(l: &Lemma) -> bool {
    l.form == Form::I && l.perfect.len() == 2
}

/// The imperfect stem (after the person prefix).
fn imperfect_stem(l: &Lemma) -> Vec<char> {
    let p = &l.perfect;
    let mut stem: Vec<char> = match l.form {
        // وقف → يقف: an assimilated Form I loses its و.
        Form::I if p.len() == 3 && p[0] == 'و' => p[1..].to_vec(),
        // أيد → يؤيد: a hamza after the prefix sits on و.
        Form::II | Form::III if p[0] == 'ا' => [&['و'][..], &p[1..]].concat(),
        Form::IV | Form::VII | Form::VIII | Form::X => p[1..].to_vec(),
        _ => p.clone(),
    };
    // أقام → يقيم، استعاد → يستعيد: hollow IV and X take ي.
    if matches!(l.form, Form::IV | Form::X) && is_hollow(l) {
        let n = stem.len();
        stem[n - 2] = 'ي';
    }
    stem
}

/// The finite forms: perfect and imperfect in every person.
fn finite(l: &Lemma) -> Vec<(String, Role)> {
    let stem = s(&imperfect_stem(l));
    let perfect = s(&l.perfect);
    finite_forms(l)
        .into_iter()
        .map(|w| {
            // نا after the perfect stem, ن or ا before the imperfect one.
            let first = w != perfect
                && (w.ends_with("نا") || w.strip_prefix(['ن', 'ا']) == Some(stem.as_str()));
            let role = if first {
                Role::FirstPerson
            } else if w == perfect {
                Role::BarePerfect
            } else {
                Role::Verb
            };
            (w, role)
        })
        .collect()
}

/// The finite forms, unclassified.
fn finite_forms(l: &Lemma) -> Vec<String> {
    let p = &l.perfect;
    let n = p.len();
    let mut out = Vec::new();
    // The perfect stem before vowel-initial and before consonant-initial
    // endings.
    let (pv, pc): (Vec<char>, Vec<char>) = if is_defective(l) {
        // ألقى: ألقت، ألقوا، ألقيا، ألقينا.
        out.push(s(p));
        for e in ["ت", "تا", "وا"] {
            out.push(format!("{}{e}", s(&p[..n - 1])));
        }
        (p.clone(), p.clone())
    } else if is_hollow(l) {
        // أقام: أقامت، أقاموا؛ أقمنا، أقمتم.
        (p.clone(), [&p[..n - 2], &p[n - 1..]].concat())
    } else if is_geminate(l) {
        // صد: صدت، صدوا؛ صددنا.
        (p.clone(), vec![p[0], p[1], p[1]])
    } else {
        (p.clone(), p.clone())
    };
    if !is_defective(l) {
        out.extend(PERFECT_V.iter().map(|e| format!("{}{e}", s(&pv))));
    } else {
        out.push(format!("{}ا", s(&pv)));
    }
    out.extend(PERFECT_C.iter().map(|e| format!("{}{e}", s(&pc))));
    let stem = imperfect_stem(l);
    for pre in IMPERFECT {
        out.push(format!("{pre}{}", s(&stem)));
    }
    for pre in ['ي', 'ت'] {
        for e in IMPERFECT_ENDINGS {
            let w = if is_defective(l) && matches!(e, "ون" | "وا") {
                // يلقي → يلقون، يلقوا.
                format!("{pre}{}{e}", s(&stem[..stem.len() - 1]))
            } else if is_geminate(l) && e == "ن" {
                // يصد → يصددن.
                format!("{pre}{}{}ن", s(&stem), stem[stem.len() - 1])
            } else if is_hollow(l) && e == "ن" {
                // يقيم → يقمن.
                format!(
                    "{pre}{}",
                    s(&[&stem[..stem.len() - 2], &stem[stem.len() - 1..], &['ن']].concat())
                )
            } else {
                format!("{pre}{}{e}", s(&stem))
            };
            out.push(w);
        }
    }
    out
}

/// The active participle stem (no ending), or none where not generated.
fn active_participle(l: &Lemma) -> Option<Vec<char>> {
    if is_defective(l) {
        return None;
    }
    let p = &l.perfect;
    let m = |rest: &[char]| [&['م'][..], rest].concat();
    Some(match l.form {
        Form::I if p.len() == 3 => vec![p[0], 'ا', p[1], p[2]],
        Form::I if is_geminate(l) => vec![p[0], 'ا', p[1]],
        Form::I => return None,
        Form::V | Form::VI | Form::Q => m(p),
        _ => m(&imperfect_stem(l)),
    })
}

/// The passive participle stem: مفعول in Form I, else spelt as the active
/// one (they differ in a vowel mark only).
fn passive_participle(l: &Lemma) -> Option<Vec<char>> {
    let p = &l.perfect;
    match l.form {
        Form::I if p.len() == 3 => Some(vec!['م', p[0], p[1], 'و', p[2]]),
        Form::I if is_geminate(l) => Some(vec!['م', p[0], p[1], 'و', p[1]]),
        Form::I => None,
        _ => active_participle(l),
    }
}

/// The verbal noun of a derived form (Form I has none by rule).
fn verbal_noun(l: &Lemma) -> Option<String> {
    let p = &l.perfect;
    let n = p.len();
    let noun: Vec<char> = match l.form {
        Form::I => return None,
        // غطى → تغطية.
        Form::II if is_defective(l) => [&['ت'][..], &p[..n - 1], &['ي', 'ه']].concat(),
        // أيد → تأييد (تاييد): ت + radicals with ي before the last.
        Form::II => [&['ت'][..], &p[..n - 1], &['ي', p[n - 1]]].concat(),
        // ساند → مساندة.
        Form::III => [&['م'][..], &p[..], &['ه']].concat(),
        // تدخل → تدخل، تفاوض → تفاوض، تلقى → تلقي.
        Form::V | Form::VI => p.clone(),
        Form::Q => [&p[..], &['ه']].concat(),
        // أقام → إقامة، استعاد → استعادة.
        Form::IV | Form::X if is_hollow(l) => [&p[..], &['ه']].concat(),
        // اختار → اختيار.
        Form::VII | Form::VIII if is_hollow(l) => [&p[..n - 2], &['ي', 'ا', p[n - 1]]].concat(),
        // ألقى → إلقاء، استدعى → استدعاء.
        _ if is_defective(l) => [&p[..n - 1], &['ا', 'ء']].concat(),
        // أرسل → إرسال، انسحب → انسحاب، اتهم → اتهام، استهدف → استهداف.
        _ => [&p[..n - 1], &['ا', p[n - 1]]].concat(),
    };
    Some(s(&noun))
}

/// Participle forms: each ending, bare and with ال (the article is part
/// of the form: a cue read after a bare ال is taken for a noun).
fn participles(stem: &[char], out: &mut Vec<(String, Role)>) {
    let base = s(stem);
    for e in PARTICIPLE_ENDINGS {
        out.push((format!("{base}{e}"), Role::Participle));
        out.push((format!("ال{base}{e}"), Role::Participle));
    }
}

/// Every surface form of one lemma entry, normalised, with its role, or
/// `None` when the entry is not a well-formed lemma. `in_nouns`: the entry
/// stands in a rule's `nouns` (verbal nouns only).
///
/// Where two forms are spelt alike the first role wins, in this order:
/// verbal nouns named explicitly (`دعم/I:دعم`: the bare دعم is read as the
/// noun, as the packs always did), finite verbs (a Form V perfect such as
/// تدخل stays a verb), participles, generated verbal nouns.
pub fn expand_lemma(word: &str, in_nouns: bool) -> Option<Vec<(String, Role)>> {
    let l = parse(word, in_nouns)?;
    let mut out: Vec<(String, Role)> = Vec::new();
    let nouns = matches!(l.select, Select::All | Select::Verb | Select::Noun);
    if nouns {
        out.extend(l.nouns.iter().map(|n| (n.clone(), Role::VerbalNoun)));
    }
    if matches!(l.select, Select::All | Select::Verb | Select::Finite) {
        out.extend(finite(&l));
    }
    if let Some(ap) = active_participle(&l) {
        match l.select {
            Select::All => out.push((format!("{}ا", s(&ap)), Role::Circumstantial)),
            Select::Participle => participles(&ap, &mut out),
            _ => {}
        }
    }
    if l.select == Select::Passive {
        let pp = passive_participle(&l)?;
        participles(&pp, &mut out);
        // The indefinite accusative (مدعوماً من): a predicate after كان
        // or a circumstantial, still passive.
        out.push((format!("{}ا", s(&pp)), Role::Participle));
    }
    if nouns {
        if let Some(n) = verbal_noun(&l) {
            // مساندة → مساندته، مساندتها، مساندات: ة is written ت before a
            // pronoun and gives way to the plural ات.
            let stem = n.strip_suffix('ه').map(str::to_string);
            out.push((n, Role::VerbalNoun));
            if let Some(stem) = stem {
                for e in ["ته", "تها", "تهم", "تهما", "تنا", "ات"] {
                    out.push((format!("{stem}{e}"), Role::VerbalNoun));
                }
            }
        }
    }
    let mut seen = crate::fasthash::FastSet::default();
    out.retain(|(f, _)| seen.insert(f.clone()));
    Some(out)
}

/// Expands a cue phrase with one lemma among its words (`وقف/I إلى جانب`):
/// one phrase per form, with the form's role. `None` when the phrase has
/// no lemma or a malformed one.
pub fn expand_phrase(phrase: &str, in_nouns: bool) -> Option<Vec<(String, Role)>> {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let at = words.iter().position(|w| is_lemma(w))?;
    if words[at + 1..].iter().any(|w| is_lemma(w)) {
        return None;
    }
    let forms = expand_lemma(words[at], in_nouns)?;
    Some(
        forms
            .into_iter()
            .map(|(f, role)| {
                let mut w: Vec<&str> = words.clone();
                w[at] = &f;
                (w.join(" "), role)
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(word: &str) -> Vec<(String, Role)> {
        expand_lemma(word, false).unwrap()
    }

    /// lemma → forms that must be generated (with their role) and forms
    /// that must not be (under any role). Spellings are normalised.
    #[allow(clippy::type_complexity)]
    const TABLE: &[(&str, &[(&str, Role)], &[&str])] = {
        use Role::*;
        &[
            (
                "دعم/I:دعم",
                &[
                    ("دعم", VerbalNoun),
                    ("دعمت", Verb),
                    ("دعموا", Verb),
                    ("دعمن", Verb),
                    ("دعمتم", Verb),
                    ("دعمنا", FirstPerson),
                    ("يدعم", Verb),
                    ("تدعم", Verb),
                    ("ندعم", FirstPerson),
                    ("ادعم", FirstPerson),
                    ("يدعمون", Verb),
                    ("تدعمان", Verb),
                    ("يدعمن", Verb),
                    ("تدعمين", Verb),
                    ("يدعموا", Verb),
                    ("داعما", Circumstantial),
                ],
                &[
                    "مدعوم",
                    "داعمي",
                    "داعمو",
                    "يداعم",
                    "دعام",
                    "الداعمه",
                    "داعم",
                ],
            ),
            (
                "دعم/I@participle",
                &[
                    ("داعم", Participle),
                    ("الداعمه", Participle),
                    ("الداعمات", Participle),
                    ("داعمين", Participle),
                    ("الداعمان", Participle),
                ],
                &["دعم", "يدعم", "داعما", "مدعوم"],
            ),
            (
                "دعم/I@passive",
                &[
                    ("المدعومه", Participle),
                    ("مدعومين", Participle),
                    ("المدعومات", Participle),
                    ("مدعوما", Participle),
                ],
                &["دعم", "يدعم", "داعم", "داعما"],
            ),
            (
                "وقف/I",
                &[
                    ("وقف", BarePerfect),
                    ("وقفوا", Verb),
                    ("يقف", Verb),
                    ("تقفون", Verb),
                    ("واقفا", Circumstantial),
                ],
                &["يوقف", "وقوف"],
            ),
            (
                "صد/I",
                &[
                    ("صد", BarePerfect),
                    ("صدوا", Verb),
                    ("صددنا", FirstPerson),
                    ("يصد", Verb),
                    ("يصدون", Verb),
                    ("يصددن", Verb),
                    ("صادا", Circumstantial),
                ],
                &["صدنا"],
            ),
            (
                "أيد/II",
                &[
                    ("ايد", BarePerfect),
                    ("ايدوا", Verb),
                    ("يويد", Verb),
                    ("تويدون", Verb),
                    ("مويدا", Circumstantial),
                    ("تاييد", VerbalNoun),
                ],
                &["ييد", "تايد"],
            ),
            (
                "ساند/III",
                &[
                    ("ساندت", Verb),
                    ("يساندون", Verb),
                    ("مسانده", VerbalNoun),
                    ("مساندته", VerbalNoun),
                    ("مساندات", VerbalNoun),
                ],
                &["سناد"],
            ),
            (
                "أرسل/IV@verb",
                &[
                    ("ارسل", BarePerfect),
                    ("ارسلوا", Verb),
                    ("يرسلون", Verb),
                    ("نرسل", FirstPerson),
                    ("ارسال", VerbalNoun),
                ],
                &["مرسل", "المرسله", "مرسلا", "يارسل"],
            ),
            (
                "أقام/IV",
                &[
                    ("اقام", BarePerfect),
                    ("اقاموا", Verb),
                    ("اقمنا", FirstPerson),
                    ("يقيم", Verb),
                    ("يقيمون", Verb),
                    ("يقمن", Verb),
                    ("مقيما", Circumstantial),
                    ("اقامه", VerbalNoun),
                ],
                &["اقامنا", "يقام"],
            ),
            (
                "ألقى/IV",
                &[
                    ("القي", BarePerfect),
                    ("القت", Verb),
                    ("القوا", Verb),
                    ("القينا", FirstPerson),
                    ("يلقي", Verb),
                    ("يلقون", Verb),
                    ("القاء", VerbalNoun),
                ],
                &["مليق", "ملقي", "القيوا", "يلقيون"],
            ),
            (
                "تدخل/V",
                &[
                    ("تدخل", BarePerfect),
                    ("تدخلت", Verb),
                    ("يتدخلون", Verb),
                    ("متدخلا", Circumstantial),
                ],
                &["تدخيل"],
            ),
            (
                "انسحب/VII",
                &[
                    ("انسحبت", Verb),
                    ("ينسحبون", Verb),
                    ("منسحبا", Circumstantial),
                    ("انسحاب", VerbalNoun),
                ],
                &["ياسحب"],
            ),
            (
                "اتهم/VIII",
                &[
                    ("اتهموا", Verb),
                    ("يتهمون", Verb),
                    ("متهما", Circumstantial),
                    ("اتهام", VerbalNoun),
                ],
                &["يتهام"],
            ),
            (
                "اختار/VIII",
                &[
                    ("اختار", BarePerfect),
                    ("اخترنا", FirstPerson),
                    ("يختارون", Verb),
                    ("اختيار", VerbalNoun),
                ],
                &["اختارنا"],
            ),
            (
                "استهدف/X",
                &[
                    ("استهدفت", Verb),
                    ("يستهدفون", Verb),
                    ("مستهدفا", Circumstantial),
                    ("استهداف", VerbalNoun),
                ],
                &["يستهداف"],
            ),
            (
                "استعاد/X",
                &[
                    ("يستعيد", Verb),
                    ("استعدنا", FirstPerson),
                    ("استعاده", VerbalNoun),
                ],
                &["يستعاد"],
            ),
            (
                "سيطر/Q@finite",
                &[("سيطر", BarePerfect), ("سيطرت", Verb), ("يسيطرون", Verb)],
                &["سيطره", "مسيطر"],
            ),
        ]
    };

    #[test]
    fn table() {
        for (lemma, must, must_not) in TABLE {
            let got = forms(lemma);
            for (f, role) in *must {
                assert!(
                    got.iter().any(|(g, r)| g == f && r == role),
                    "{lemma}: {f} as {role:?} missing"
                );
            }
            for f in *must_not {
                assert!(!got.iter().any(|(g, _)| g == f), "{lemma}: {f} generated");
            }
        }
    }

    #[test]
    fn nouns_only_in_nouns_lists() {
        let nouns = |w| -> Vec<String> {
            expand_lemma(w, true)
                .unwrap()
                .into_iter()
                .map(|(f, _)| f)
                .collect()
        };
        assert_eq!(nouns("أرسل/IV"), vec!["ارسال"]);
        assert_eq!(nouns("دعم/I:دعم,مدد"), vec!["دعم", "مدد"]);
        assert!(nouns("دعم/I").is_empty());
    }

    #[test]
    fn phrases_and_errors() {
        let p = expand_phrase("وقف/I إلى جانب", false).unwrap();
        assert!(p.iter().any(|(f, _)| f == "يقفون إلى جانب"));
        assert!(expand_phrase("إلى جانب", false).is_none());
        assert!(expand_lemma("دعم/XI", false).is_none());
        assert!(expand_lemma("دعم/I@bogus", false).is_none());
        assert!(expand_lemma("support/I", false).is_none());
    }
}
#[cfg(test)]
mod pack_tests {
    use crate::lexicon::{CueKind, Knowledge};
    use crate::text::{normalize, tokenize};

    /// Every form generated from a lemma in the embedded packs is found by
    /// the cue matcher in a sentence, with and without a proclitic, as a cue
    /// of the rule that named the lemma.
    #[test]
    fn every_generated_form_is_matched() {
        let kb = Knowledge::embedded().unwrap();
        let cues = &kb.cues;
        for (ri, form) in cues.generated_forms() {
            for clitic in ["", "و"] {
                let sentence = format!("وقال المصدر إن {clitic}{form} جاء أمس");
                let norm = normalize(&sentence);
                let tokens = tokenize(&norm.text);
                let hits = cues
                    .matcher()
                    .find(&norm.text, &tokens, (0, norm.text.len()));
                let found = hits.iter().any(|h| {
                    &norm.text[h.start..h.end] == form.as_str()
                        && matches!(cues.payload(h.payload),
                            CueKind::Rule(r) | CueKind::Noun(r) if r == *ri)
                });
                assert!(
                    found,
                    "{} not matched for rule {}",
                    form, cues.rules[*ri].id
                );
            }
        }
    }
}
