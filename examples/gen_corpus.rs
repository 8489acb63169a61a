//! Writes a deterministic benchmark corpus.
//!
//! ```text
//! cargo run --release --example gen_corpus -- --articles 30000 --lang ar --seed 1 --out /tmp/corpus-ar
//! cargo run --release --example gen_corpus -- --articles 30000 --lang ar --seed 1 --jsonl --out /tmp/ar.jsonl
//! ```
//!
//! Without `--jsonl`, `--out` is a directory of `<id>.txt` files (what
//! `stancegraph extract DIR` reads); with it, one JSON Lines file of
//! `{"id", "text", "date", "lang"}` records. Arabic articles average about
//! 3.3 KB, so 300 articles ≈ 1 MB, 30 000 ≈ 100 MB and 300 000 ≈ 1 GB
//! (the summary on stderr gives the exact size). Same arguments, same bytes.

#[path = "../benches/support/corpus.rs"]
mod corpus;

use corpus::{jsonl_record, GenLang, Generator};
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

struct Args {
    articles: usize,
    lang: GenLang,
    seed: u64,
    jsonl: bool,
    out: PathBuf,
}

const USAGE: &str =
    "usage: gen_corpus --articles N --lang ar|en|mixed [--seed S] [--jsonl] --out PATH";

fn parse_args() -> Result<Args, String> {
    let mut articles = None;
    let mut lang = GenLang::Ar;
    let mut seed = 1;
    let mut jsonl = false;
    let mut out = None;
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value; {USAGE}"));
        match arg.as_str() {
            "--articles" => {
                articles = Some(
                    value("--articles")?
                        .parse()
                        .map_err(|_| "--articles: expected a number".to_string())?,
                )
            }
            "--lang" => {
                lang =
                    GenLang::parse(&value("--lang")?).ok_or("--lang: expected ar, en or mixed")?
            }
            "--seed" => {
                seed = value("--seed")?
                    .parse()
                    .map_err(|_| "--seed: expected a number".to_string())?
            }
            "--jsonl" => jsonl = true,
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            other => return Err(format!("unknown argument '{other}'; {USAGE}")),
        }
    }
    Ok(Args {
        articles: articles.ok_or(format!("--articles is required; {USAGE}"))?,
        lang,
        seed,
        jsonl,
        out: out.ok_or(format!("--out is required; {USAGE}"))?,
    })
}

fn run(args: &Args) -> std::io::Result<u64> {
    let mut bytes = 0u64;
    let gen = Generator::new(args.lang, args.seed).take(args.articles);
    if args.jsonl {
        let mut w = BufWriter::new(std::fs::File::create(&args.out)?);
        for a in gen {
            let line = jsonl_record(&a);
            bytes += a.text.len() as u64;
            w.write_all(line.as_bytes())?;
            w.write_all(b"\n")?;
        }
        w.flush()?;
    } else {
        std::fs::create_dir_all(&args.out)?;
        for a in gen {
            bytes += a.text.len() as u64;
            std::fs::write(args.out.join(format!("{}.txt", a.id)), a.text.as_bytes())?;
        }
    }
    Ok(bytes)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("gen_corpus: {e}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(bytes) => {
            eprintln!(
                "gen_corpus: {} articles, {} bytes of text ({:.1} MB) -> {}",
                args.articles,
                bytes,
                bytes as f64 / 1e6,
                args.out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen_corpus: {}: {e}", args.out.display());
            ExitCode::from(2)
        }
    }
}
