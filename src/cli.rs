//! The command line: `sourcelight analyze`, `sourcelight rules`, and the
//! window when no command is given.
//!
//! Errors never stop the other files: each bad file gets one line on stderr
//! naming it and saying what is wrong, the good ones are still reported,
//! and the exit code is 2 if anything failed.

mod jsonl;

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand};
use rayon::prelude::*;

use sourcelight::analysis::{Analyzer, Rules};
use sourcelight::classroom::{self, AnswerKey, Submission};
use sourcelight::desk::{self, Opened};
use sourcelight::document;
use sourcelight::report::{self, Article, Format, Tool};
use sourcelight::retraction_lists;

/// Exit code when any input could not be read or analysed.
pub const EXIT_FAILURE: u8 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "sourcelight",
    version,
    about = "Newsroom sourcing review: how many claims in each paragraph rest on anonymous or retracted sources.",
    long_about = "Newsroom sourcing review: how many claims in each paragraph rest on anonymous or retracted sources.\n\n\
        With no command, opens the window: with the built-in sample article, or with the FILEs given.\n\
        `sourcelight analyze FILE...` prints the same analysis on the command line.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Articles to open in the window (.txt, .md, .html, .htm, .docx).
    pub files: Vec<PathBuf>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Analyse articles and print each paragraph's claims and score.
    #[command(long_about = ANALYZE_HELP)]
    Analyze(AnalyzeArgs),
    /// Show the rule set (word lists and weights) the analyser uses.
    Rules(RulesArgs),
    /// Write an answer key for a classroom exercise on an article.
    #[command(long_about = KEY_HELP)]
    Key(KeyArgs),
    /// Grade students' marks against an answer key; prints CSV.
    #[command(long_about = GRADE_HELP)]
    Grade(GradeArgs),
    /// Print each paragraph's words with their part-of-speech tags, noun
    /// phrases in [brackets] and verb groups in {braces}.
    #[command(hide = true)]
    Parse { files: Vec<PathBuf> },
    /// Print a generated news-like article of about BYTES bytes (for
    /// measuring speed and memory; the same text the benchmarks use).
    #[command(hide = true)]
    Generate {
        #[arg(long, default_value_t = 1_000_000)]
        bytes: usize,
        #[arg(long, default_value_t = 7)]
        seed: u64,
        /// Add retractions, denials and unverified figures now and then.
        #[arg(long)]
        follow_ups: bool,
    },
}

const KEY_HELP: &str = "Write an answer key for a classroom exercise on an article.\n\n\
    The key holds the article's text and, for every claim, the words of its source, its kind and \
    whether it is retracted: the analyser's result with any editor decisions saved beside the \
    article (NAME.sourcelight.json). Students open only the key file in the window (File → Open \
    exercise key…), mark the sources, check their work and save their marks.";

const GRADE_HELP: &str = "Grade students' marks against an answer key; prints CSV.\n\n\
    One row per submission: student file, matched, missed, wrong, precision, recall, mark (out of \
    100, the F1 of precision and recall × 100). A mark and an answer pair up when their words \
    overlap in the same paragraph; a pair with the wrong kind or retraction, or a mark with no \
    answer, is wrong. A key file is accepted as a submission (a key graded against itself scores \
    100). A submission that cannot be read is reported on stderr naming the file; the others are \
    still graded, and the exit code is 2.";

#[derive(Args, Debug)]
pub struct KeyArgs {
    /// The article (.txt, .md, .html, .htm, .docx).
    #[arg(value_name = "ARTICLE")]
    pub article: PathBuf,
    /// Where to write the key.
    #[arg(short, long, value_name = "KEY.json")]
    pub output: PathBuf,
    /// Do not show students the rules' explanations after they check.
    #[arg(long)]
    pub no_explanations: bool,
    /// A rules file to use instead of the built-in rules.
    #[arg(long, value_name = "FILE")]
    pub rules: Option<PathBuf>,
    /// Also write the teacher's copy with the answers readable (JSON,
    /// for a text editor or jq); the key in --output keeps them sealed
    /// for students.
    #[arg(long, value_name = "FILE")]
    pub teacher_copy: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct GradeArgs {
    /// The answer key.
    #[arg(value_name = "KEY.json")]
    pub key: PathBuf,
    /// Students' saved marks (or keys).
    #[arg(required = true, value_name = "STUDENT.json")]
    pub submissions: Vec<PathBuf>,
}

const ANALYZE_HELP: &str = "Analyse articles and print each paragraph's claims and score.\n\n\
    A claim is a statement the text attributes to a source (\"officials said\", \"according to\", \
    \"reportedly\"). Its source is named, anonymous (an unnamed person, group or leaked document) \
    or unattributed (a hedge with no source); the weakest link in a chain of attribution decides. \
    A claim resting on material the text says was retracted is retracted. Each paragraph scores \
    anonymous + 2 × retracted (weights from the rules).\n\n\
    Formats:\n  \
    json  one JSON object per file per line (JSON Lines; --pretty indents): \
    {\"file\", \"summary\": {paragraphs, claims, anonymous, retracted, score, flagged_share}, \
    \"paragraphs\": [{index, text, claims, anonymous, retracted, score}]}; each claim has cue, \
    source, speaker, content ({text, start, end} byte offsets into the paragraph text, or null), kind, \
    retracted, unconfirmed, disputed, anonymity_reason, rule, kind_rule, explanation\n  \
    text  a readable report of each paragraph's score and its flagged claims\n  \
    csv   one row per claim, with a header row\n  \
    md    a Markdown report\n  \
    html  a self-contained, printable HTML report (highlights, badges, chart)\n\n\
    Editor decisions saved by the window beside an article (NAME.sourcelight.json) are applied \
    unless --ignore-review is given; the analyser's own values stay in each claim's \"editor\" \
    object and each paragraph's \"analyser_score\". Claims on anonymous sources carry a \"policy\" \
    checklist. --retractions LIST marks claims citing a listed DOI or title as retracted. \
    --summary prints one CSV row per article, highest score first.\n\n\
    Files are analysed in parallel. A file that cannot be read is reported on stderr with the reason; \
    the others are still printed. Exit code: 0 when every file was analysed, 2 when any failed.";

#[derive(Args, Debug)]
pub struct AnalyzeArgs {
    /// Output format.
    #[arg(long, short, value_enum, default_value = "json")]
    pub format: Format,
    /// A rules file to use instead of the built-in rules (see `sourcelight rules --print-default`).
    #[arg(long, value_name = "FILE")]
    pub rules: Option<PathBuf>,
    /// Indent JSON output.
    #[arg(long)]
    pub pretty: bool,
    /// A retraction list: a Retraction Watch CSV, or a newsroom's JSON list
    /// (.json). A claim whose sentence cites a listed DOI or title is
    /// retracted. Repeat for several lists.
    #[arg(long, value_name = "LIST")]
    pub retractions: Vec<PathBuf>,
    /// Leave out the editor's decisions saved beside each article
    /// (NAME.sourcelight.json).
    #[arg(long)]
    pub ignore_review: bool,
    /// Print one CSV row per article (file, paragraphs, claims, anonymous,
    /// retracted, score, flagged_share), highest score first. FOLDERs are
    /// read for their articles (not their subfolders).
    #[arg(long, conflicts_with_all = ["format", "pretty"])]
    pub summary: bool,
    /// Read each FILE (or standard input, `-`) as JSON Lines: one record
    /// per line, `{"id": …, "text": "…", "format": "txt|md|html"}` (format
    /// optional), and write one result per record, in order, keeping its
    /// `id`. A bad record gets `{"id": …, "error": "…"}` and the rest go on.
    #[arg(long, conflicts_with_all = ["format", "pretty"])]
    pub jsonl: bool,
    /// Articles to analyse: .txt, .md, .html, .htm or .docx (anything else
    /// is read as text); `-` reads one article (text) from standard input;
    /// with --summary also folders.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

#[derive(Args, Debug)]
pub struct RulesArgs {
    /// Print the built-in rules file, a starting point for house rules.
    #[arg(long)]
    pub print_default: bool,
    /// Check a rules file and report the first problem.
    #[arg(long, value_name = "FILE", conflicts_with = "print_default")]
    pub check: Option<PathBuf>,
}

/// Reads a rules file, or the built-in rules when none is given.
pub fn load_rules(path: Option<&Path>) -> Result<Rules, String> {
    let Some(path) = path else {
        return Ok(Rules::builtin());
    };
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: cannot read rules file: {e}", path.display()))?;
    Rules::from_json(&text, &path.display().to_string()).map_err(|e| e.to_string())
}

/// `sourcelight analyze`: returns the process exit code.
pub fn analyze(args: &AnalyzeArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let rules = match load_rules(args.rules.as_deref()) {
        Ok(r) => r,
        Err(e) => {
            let _ = writeln!(err, "sourcelight: {e}");
            return EXIT_FAILURE;
        }
    };
    let tool = Tool::new(
        args.rules.as_deref().map_or_else(
            || "built-in".to_string(),
            |p| {
                p.file_name()
                    .map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into())
            },
        ),
        &rules,
    );
    let analyzer = Analyzer::new(rules);
    let mut failed = false;
    let mut lists = Vec::new();
    for path in &args.retractions {
        match retraction_lists::load(path) {
            Ok(list) => lists.push(list),
            Err(e) => {
                failed = true;
                let _ = writeln!(err, "sourcelight: {e}");
            }
        }
    }
    if args.jsonl {
        let code = jsonl::analyze(args, &analyzer, &lists, &tool, out, err);
        return if failed { EXIT_FAILURE } else { code };
    }
    let mut files = Vec::new();
    for path in &args.files {
        if args.summary && path.is_dir() {
            match document::articles_in(path) {
                Ok(found) => files.extend(found),
                Err(e) => {
                    failed = true;
                    let _ = writeln!(err, "sourcelight: {e}");
                }
            }
        } else {
            files.push(path.clone());
        }
    }
    let results: Vec<Result<(String, Opened), String>> = files
        .par_iter()
        .map(|path| {
            let opened = if path.as_os_str() == "-" {
                let bytes = jsonl::read_stdin()?;
                desk::from_bytes(
                    "-".into(),
                    &bytes,
                    document::Format::Text,
                    &analyzer,
                    &lists,
                )
            } else {
                desk::open(path, &analyzer, &lists, !args.ignore_review)
            }
            .map_err(|e| e.to_string())?;
            Ok((path.display().to_string(), opened))
        })
        .collect();
    let mut done = Vec::new();
    for r in &results {
        match r {
            Ok((file, opened)) => {
                if let Some(problem) = &opened.sidecar_problem {
                    failed = true;
                    let _ = writeln!(err, "sourcelight: {problem}");
                }
                done.push(
                    Article::with_unplaced(
                        file,
                        &opened.applied.analysis,
                        &opened.applied.unplaced,
                    )
                    .by(&tool),
                );
            }
            Err(e) => {
                failed = true;
                let _ = writeln!(err, "sourcelight: {e}");
            }
        }
    }
    if args.summary {
        let _ = out.write_all(summary_csv(&done).as_bytes());
    } else if !done.is_empty() {
        let _ = out.write_all(report::render(args.format, &done, args.pretty).as_bytes());
    }
    let _ = out.flush();
    if failed { EXIT_FAILURE } else { 0 }
}

/// One row per article, highest score first (then by flagged share, then
/// by name, so the order is stable).
fn summary_csv(articles: &[Article]) -> String {
    let mut rows: Vec<&Article> = articles.iter().collect();
    rows.sort_by(|a, b| {
        let (x, y) = (&a.analysis.summary, &b.analysis.summary);
        y.score
            .cmp(&x.score)
            .then(y.flagged_share.total_cmp(&x.flagged_share))
            .then(a.file.cmp(b.file))
    });
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "file",
        "paragraphs",
        "claims",
        "anonymous",
        "retracted",
        "score",
        "flagged_share",
    ]);
    for a in rows {
        let s = &a.analysis.summary;
        let _ = w.write_record([
            a.file.to_string(),
            s.paragraphs.to_string(),
            s.claims.to_string(),
            s.anonymous.to_string(),
            s.retracted.to_string(),
            s.score.to_string(),
            format!("{:.3}", s.flagged_share),
        ]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// Largest key or submission read.
const MAX_EXERCISE_BYTES: u64 = 64 * 1024 * 1024;

fn read_exercise_file(path: &Path) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if meta.is_dir() {
        return Err(format!("{}: is a folder", path.display()));
    }
    if meta.len() > MAX_EXERCISE_BYTES {
        return Err(format!("{}: larger than the 64 MB limit", path.display()));
    }
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// `sourcelight key`.
pub fn key(args: &KeyArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let result = (|| {
        let analyzer = Analyzer::new(load_rules(args.rules.as_deref())?);
        let opened = desk::open(&args.article, &analyzer, &[], true).map_err(|e| e.to_string())?;
        if let Some(problem) = &opened.sidecar_problem {
            return Err(problem.clone());
        }
        let key = AnswerKey::from_analysis(
            &opened.name,
            &opened.applied.analysis,
            !args.no_explanations,
        );
        sourcelight::atomic::write(&args.output, key.to_json().as_bytes())
            .map_err(|e| format!("{}: cannot write key: {e}", args.output.display()))?;
        if let Some(copy) = &args.teacher_copy {
            sourcelight::atomic::write(copy, key.to_readable_json().as_bytes())
                .map_err(|e| format!("{}: cannot write the teacher's copy: {e}", copy.display()))?;
        }
        Ok(key.answers.len())
    })();
    match result {
        Ok(n) => {
            let _ = writeln!(
                out,
                "{}: answer key with {n} sources",
                args.output.display()
            );
            0
        }
        Err(e) => {
            let _ = writeln!(err, "sourcelight: {e}");
            EXIT_FAILURE
        }
    }
}

/// `sourcelight grade`: one CSV row per submission.
pub fn grade(args: &GradeArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let key = match read_exercise_file(&args.key).and_then(|b| {
        AnswerKey::parse(&b)
            .map_err(|e| format!("{}: not a usable answer key: {e}", args.key.display()))
    }) {
        Ok(k) => k,
        Err(e) => {
            let _ = writeln!(err, "sourcelight: {e}");
            return EXIT_FAILURE;
        }
    };
    let mut failed = false;
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "student",
        "matched",
        "missed",
        "wrong",
        "precision",
        "recall",
        "mark",
    ]);
    for path in &args.submissions {
        let parsed = read_exercise_file(path)
            .and_then(|b| {
                Submission::parse(&b)
                    .map_err(|e| format!("{}: not a usable submission: {e}", path.display()))
            })
            .and_then(|s| {
                s.check_article(&key).map(|()| s).map_err(|e| {
                    format!(
                        "{}: marks made on another article than the key's: {e}",
                        path.display()
                    )
                })
            });
        match parsed {
            Ok(s) => {
                let g = classroom::grade(&key, &s.marks);
                let _ = w.write_record([
                    path.display().to_string(),
                    g.matched.to_string(),
                    g.missed.to_string(),
                    g.wrong.to_string(),
                    format!("{:.3}", g.precision),
                    format!("{:.3}", g.recall),
                    g.mark.to_string(),
                ]);
            }
            Err(e) => {
                failed = true;
                let _ = writeln!(err, "sourcelight: {e}");
            }
        }
    }
    let _ = out.write_all(&w.into_inner().unwrap_or_default());
    if failed { EXIT_FAILURE } else { 0 }
}

/// `sourcelight rules`.
pub fn rules(args: &RulesArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    if let Some(path) = &args.check {
        return match load_rules(Some(path)) {
            Ok(rules) => {
                let _ = writeln!(out, "{}: rules are valid ({})", path.display(), rules.name);
                let builtin = Rules::builtin();
                for name in rules.overridden() {
                    let _ = writeln!(
                        out,
                        "  {name}: {} entries, replacing the built-in {}",
                        rules.list(name).len(),
                        builtin.list(name).len()
                    );
                }
                let kept = rules
                    .word_lists()
                    .filter(|(spec, _)| !rules.overridden().iter().any(|o| o == spec.name))
                    .count();
                let _ = writeln!(out, "  {kept} other lists: built in");
                for name in rules.unread() {
                    let _ = writeln!(
                        out,
                        "  {name}: no rule reads this list (misspelt, or retired); it is ignored"
                    );
                }
                0
            }
            Err(e) => {
                let _ = writeln!(err, "sourcelight: {e}");
                EXIT_FAILURE
            }
        };
    }
    if args.print_default {
        let _ = out.write_all(sourcelight::analysis::rules::DEFAULT_RULES_JSON.as_bytes());
        return 0;
    }
    let rules = Rules::builtin();
    let _ = writeln!(
        out,
        "Built-in rules ({}): weights anonymous {}, retracted {}",
        rules.fingerprint(),
        rules.weights.anonymous,
        rules.weights.retracted
    );
    for (spec, list) in rules.word_lists() {
        let _ = writeln!(
            out,
            "  {:24} {:4} entries  {}",
            spec.name,
            list.len(),
            spec.about
        );
    }
    let _ = writeln!(out, "\nAttribution rules (which words make a claim):");
    for r in sourcelight::analysis::detect::all_rules() {
        let _ = writeln!(out, "  {:36} {}", r.id, r.explanation);
    }
    let _ = writeln!(out, "\nSource rules (named, anonymous or unattributed):");
    for r in sourcelight::analysis::sources::all_kind_rules() {
        let _ = writeln!(out, "  {:36} {}", r.id, r.explanation);
    }
    let _ = writeln!(
        out,
        "\nPrint the lists with --print-default; check a house rules file with --check FILE."
    );
    0
}

/// `sourcelight parse FILE...`: the syntactic layer, for checking by eye.
pub fn parse(files: &[PathBuf], out: &mut impl Write, err: &mut impl Write) -> u8 {
    use sourcelight::analysis::syntax;
    let mut code = 0;
    let mut scratch = Default::default();
    for f in files {
        match document::load(f) {
            Ok(doc) => {
                for (i, p) in doc.paragraphs.iter().enumerate() {
                    let parsed = syntax::parse(p, syntax::Syntax::builtin(), &mut scratch);
                    let _ = writeln!(out, "¶{}\n{}\n", i + 1, syntax::display(&parsed));
                }
            }
            Err(e) => {
                let _ = writeln!(err, "{e}");
                code = EXIT_FAILURE;
            }
        }
    }
    code
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_in_one_file_is_one_line_and_exit_2_and_the_others_are_reported() {
        let dir =
            std::env::temp_dir().join(format!("sourcelight-cli-panic-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let crash = dir.join("cli-crash.txt");
        let other = dir.join("cli-other.txt");
        std::fs::write(&crash, "Officials said the bridge was closed.").unwrap();
        std::fs::write(&other, "\"It is closed,\" said one official.").unwrap();
        desk::fail_analysis_of("cli-crash.txt");
        let Ok(Cli {
            command: Some(Command::Analyze(args)),
            ..
        }) = Cli::try_parse_from([
            "sourcelight".as_ref(),
            "analyze".as_ref(),
            "--summary".as_ref(),
            crash.as_os_str(),
            other.as_os_str(),
        ])
        else {
            panic!("the arguments parse");
        };
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = analyze(&args, &mut out, &mut err);
        let (out, err) = (
            String::from_utf8(out).unwrap(),
            String::from_utf8(err).unwrap(),
        );
        std::fs::remove_dir_all(&dir).ok();
        assert_eq!(code, EXIT_FAILURE);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.contains("could not analyse cli-crash.txt: an internal error"),
            "{err}"
        );
        assert!(err.contains("please report it"), "{err}");
        assert!(out.contains("cli-other.txt"), "{out}");
        assert!(!out.contains("cli-crash.txt"), "{out}");
    }
}
