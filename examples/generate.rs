//! Generates a deterministic synthetic organisation for benchmarks and for
//! the pandas baseline test (`tests/baseline.rs`).
//!
//! ```text
//! cargo run --release --example generate -- \
//!     --people N --skills S --needs K --out DIR [--seed X] [--edge-cases]
//! ```
//!
//! Writes into DIR (created if missing):
//!
//! - `org.toml`: organisation "Generert AS", `as_of = 2026-11-26`, the default
//!   scale, `[mix] preset = "70-20-10"`, three drivers, S skills `s001`...
//!   (about a quarter specialist, about a fifth with their own
//!   `hours_per_level`), 30 roles `r01`...`r30` requiring 3-6 skills each, and
//!   K needs `n0001`... with mixed priorities, levels 1-4, scoped to the whole
//!   organisation, to units at all three depths, to roles, or to both, some
//!   with `by` and `driver`. Counts are scaled to the expected number of
//!   people in scope, so that many needs have a shortfall and candidates, a
//!   few (mostly in small scopes) need recruitment.
//! - `people.csv` (`id,name,unit,role`): N people `p0000001`..., in units
//!   three levels deep (`d03/s02/t01`, roughly 4 x 5 x 6), each with one of
//!   the 30 roles (about 3 % without a role).
//! - `assessments.csv`, long format `person,skill,level,assessed,interest`:
//!   each person-skill pair is assessed with probability 0.8 (so about
//!   0.8 x N x S rows), levels skewed towards 1-3, dates over 2021-2026 (about
//!   45 % stale), interest `yes` about 15 % (blank otherwise). About 1 % of
//!   the pairs get a second row right after the first, dated later (or the
//!   same day), so that "latest wins" (and the later-row tie rule) matter.
//!
//! `--edge-cases` adds an `expires` column and sprinkles in what the default
//! data lacks: expired and unexpired certificates, undated rows, second rows
//! that are earlier, equal, undated or expired, level names in mixed case
//! (`Advanced`) and other interest words (`ja`, `nei`, `true`, `1`, `n`);
//! and the r2 rules' cases: rows assessed after `as_of` (not known yet),
//! certificates expiring before and after the needs' `by` dates, people.csv
//! `starts`/`leaves` (hires, leavers before and after the horizons, some
//! who left before `as_of`; ISO and `DD.MM.YYYY`), and skills with their
//! own `mix` and `renew_hours`. Each comes from a random stream of its own,
//! so the data without `--edge-cases` is unchanged.
//!
//! `--seed` defaults to 1. The same arguments always give byte-identical
//! files. Everything is streamed: memory does not grow with the number of
//! people, so `--people 6250000 --skills 20` (100 million rows) is fine. A
//! one-line summary goes to stderr.

use std::fmt::Write as _;
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str =
    "usage: generate --people N --skills S --needs K --out DIR [--seed X] [--edge-cases]";

/// The reference date written to org.toml; no assessment is dated after it.
const AS_OF: (i64, u32, u32) = (2026, 11, 26);
/// Number of roles.
const ROLES: usize = 30;

const FIRST: &[&str] = &[
    "Ada", "Bo", "Cy", "Dag", "Eva", "Frøya", "Geir", "Hanne", "Ivar", "Jorunn", "Kari", "Lars",
    "Mona", "Nils", "Ola", "Pia", "Rune", "Siri", "Tor", "Unni", "Vidar", "Åse", "Øystein",
    "Ellen",
];
const LAST: &[&str] = &[
    "Berg", "Dahl", "Eng", "Fjeld", "Hansen", "Johansen", "Larsen", "Nilsen", "Olsen", "Pedersen",
    "Ås", "Bakke", "Haugen", "Lie", "Moen", "Strand", "Sæther", "Østby", "Vik", "Lund",
];
const SKILL_NAMES: &[&str] = &[
    "Rust",
    "SQL",
    "Kundedialog",
    "Skyarkitektur",
    "Kubernetes",
    "Dataanalyse",
    "Prosjektledelse",
    "Informasjonssikkerhet",
    "Anskaffelser",
    "Klarspråk",
    "Regnskap",
    "Endringsledelse",
    "Maskinlæring",
    "Universell utforming",
    "Personvern",
    "Tjenestedesign",
];
const GROUPS: &[&str] = &["Teknologi", "Forretning", "Ledelse"];
const DRIVERS: &[(&str, &str)] = &[
    ("sky", "Skybasert plattform innen 2028"),
    ("ki", "Kunstig intelligens i saksbehandlingen"),
    ("generasjon", "Generasjonsskifte innen 2029"),
];
const LEVEL_NAMES: &[&str] = &["None", "Basic", "Working", "Advanced", "Expert"];
const YES_WORDS: &[&str] = &["yes", "ja", "true", "1", "Yes"];
const NO_WORDS: &[&str] = &["", "no", "nei", "false", "0", "n"];

/// splitmix64: small, fast, good enough for synthetic data, and portable.
struct Rng(u64);

impl Rng {
    fn new(seed: u64, stream: u64) -> Rng {
        let mut r = Rng(seed ^ stream.wrapping_mul(0xD1B5_4A32_D192_ED03));
        r.next_u64();
        r
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in 0..n (n > 0), by multiply-shift (bias < n / 2^64).
    fn below(&mut self, n: u64) -> u64 {
        ((self.next_u64() as u128 * n as u128) >> 64) as u64
    }

    /// Uniform in lo..=hi.
    fn between(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `percent` / 100.
    fn percent(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// Maps 16 random bits to a probability test without another draw.
fn bits_below(bits: u64, fraction: f64) -> bool {
    (bits & 0xFFFF) < (fraction * 65536.0) as u64
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// Every day from 2020-01-01 to 2029-12-31 as ISO text, so that rows copy
/// dates instead of formatting them.
struct Dates {
    first: i64,
    text: Vec<[u8; 10]>,
}

impl Dates {
    fn new() -> Dates {
        let first = days_from_civil(2020, 1, 1);
        let last = days_from_civil(2029, 12, 31);
        let text = (first..=last)
            .map(|day| {
                let (y, m, d) = civil_from_days(day);
                let s = format!("{y:04}-{m:02}-{d:02}");
                s.as_bytes().try_into().expect("ISO date is 10 bytes")
            })
            .collect();
        Dates { first, text }
    }

    fn get(&self, day: i64) -> &[u8; 10] {
        &self.text[(day - self.first) as usize]
    }

    fn str(&self, day: i64) -> &str {
        std::str::from_utf8(self.get(day)).expect("ASCII")
    }
}

/// A fixed-width decimal counter with a prefix, incremented in place
/// (`p0000001`, `p0000002`, ...): ids without formatting.
struct Counter {
    text: Vec<u8>,
    prefix: usize,
}

impl Counter {
    /// The id before the first: `next` makes it `<prefix>00..01`.
    fn new(prefix: &str, width: usize) -> Counter {
        let mut text = prefix.as_bytes().to_vec();
        text.resize(prefix.len() + width, b'0');
        Counter {
            text,
            prefix: prefix.len(),
        }
    }

    fn next(&mut self) -> &[u8] {
        for i in (self.prefix..self.text.len()).rev() {
            if self.text[i] == b'9' {
                self.text[i] = b'0';
            } else {
                self.text[i] += 1;
                break;
            }
        }
        &self.text
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.text).expect("ASCII")
    }
}

fn width(n: u64, min: usize) -> usize {
    (n.max(1).ilog10() as usize + 1).max(min)
}

/// What to generate: the command-line arguments. Public (with [`run`]) so
/// that the benchmarks (`benches/`) can reuse the generator through
/// `#[path = "../examples/generate.rs"] mod generate;`.
#[derive(Debug)]
pub struct Args {
    pub people: u64,
    pub skills: usize,
    pub needs: usize,
    pub out: PathBuf,
    pub seed: u64,
    pub edge_cases: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = std::env::args().skip(1);
    let (mut people, mut skills, mut needs, mut out, mut seed, mut edge_cases) =
        (None, None, None, None, 1u64, false);
    while let Some(arg) = args.next() {
        if arg == "--edge-cases" {
            edge_cases = true;
            continue;
        }
        if arg == "-h" || arg == "--help" {
            return Err(String::new());
        }
        let value = args.next().ok_or_else(|| format!("{arg} needs a value"))?;
        let number = || {
            value
                .parse::<u64>()
                .map_err(|_| format!("{arg}: '{value}' is not a whole number"))
        };
        match arg.as_str() {
            "--people" => people = Some(number()?),
            "--skills" => skills = Some(number()? as usize),
            "--needs" => needs = Some(number()? as usize),
            "--seed" => seed = number()?,
            "--out" => out = Some(PathBuf::from(&value)),
            _ => return Err(format!("unknown argument '{arg}'")),
        }
    }
    let args = Args {
        people: people.ok_or("--people is required")?,
        skills: skills.ok_or("--skills is required")?,
        needs: needs.ok_or("--needs is required")?,
        out: out.ok_or("--out is required")?,
        seed,
        edge_cases,
    };
    if args.people == 0 || args.skills == 0 {
        return Err("--people and --skills must be at least 1".into());
    }
    Ok(args)
}

/// The unit tree: teams (depth 3) with their section and division.
struct Units {
    teams: Vec<String>,
}

impl Units {
    fn new(rng: &mut Rng) -> Units {
        let mut teams = Vec::new();
        for d in 1..=4 {
            for s in 1..=rng.between(4, 6) {
                for t in 1..=rng.between(5, 7) {
                    teams.push(format!("d{d:02}/s{s:02}/t{t:02}"));
                }
            }
        }
        Units { teams }
    }

    /// The number of teams in `unit` or below it.
    fn teams_within(&self, unit: &str) -> usize {
        self.teams
            .iter()
            .filter(|t| *t == unit || t.starts_with(&format!("{unit}/")))
            .count()
    }
}

/// Chance in percent that a person-skill pair is assessed at all.
const ASSESSED_PERCENT: u64 = 80;
/// Cumulative level distribution of an assessment, in percent: 0..=4.
const LEVEL_CDF: [u64; 5] = [5, 35, 70, 90, 100];

/// Fraction of people at or above `level` (for sizing need counts).
fn share_at_least(level: u64) -> f64 {
    let below = if level == 0 {
        0
    } else {
        LEVEL_CDF[level as usize - 1]
    };
    ASSESSED_PERCENT as f64 / 100.0 * (100 - below) as f64 / 100.0
}

fn level_from(bits: u64) -> u8 {
    let r = bits % 100;
    LEVEL_CDF.iter().position(|&c| r < c).unwrap_or(4) as u8
}

fn write_org(args: &Args, units: &Units, dates: &Dates, path: &Path) -> io::Result<()> {
    let mut rng = Rng::new(args.seed, 3);
    let mut edge = Rng::new(args.seed, 5);
    let mut t = String::new();
    let n = args.people;
    let w = |t: &mut String, s: std::fmt::Arguments| t.write_fmt(s).expect("String write");
    w(
        &mut t,
        format_args!(
            "# Generated by: cargo run --release --example generate -- --people {n} --skills {} --needs {} --seed {}{}\n\n",
            args.skills,
            args.needs,
            args.seed,
            if args.edge_cases { " --edge-cases" } else { "" }
        ),
    );
    let (y, m, d) = AS_OF;
    w(
        &mut t,
        format_args!(
            "[organisation]\nname = \"Generert AS ({n} people, seed {})\"\nas_of = {y:04}-{m:02}-{d:02}\n\n",
            args.seed
        ),
    );
    t.push_str(
        "[scale]\nlevels = [\"none\", \"basic\", \"working\", \"advanced\", \"expert\"]\n\n",
    );
    t.push_str("[mix]\npreset = \"70-20-10\"\n\n");
    t.push_str("[profiles]\npeople = \"people.csv\"\nassessments = [\"assessments.csv\"]\n\n");
    for (id, name) in DRIVERS {
        w(
            &mut t,
            format_args!("[[driver]]\nid = \"{id}\"\nname = \"{name}\"\n\n"),
        );
    }

    let sw = width(args.skills as u64, 3);
    let skill_id = |i: usize| format!("s{:0sw$}", i + 1);
    for i in 0..args.skills {
        let base = SKILL_NAMES[i % SKILL_NAMES.len()];
        let round = i / SKILL_NAMES.len();
        w(
            &mut t,
            format_args!("[[skill]]\nid = \"{}\"\n", skill_id(i)),
        );
        if round == 0 {
            w(&mut t, format_args!("name = \"{base}\"\n"));
        } else {
            w(&mut t, format_args!("name = \"{base} {}\"\n", round + 1));
        }
        if rng.percent(25) {
            t.push_str("kind = \"specialist\"\n");
        }
        w(&mut t, format_args!("group = \"{}\"\n", rng.pick(GROUPS)));
        if rng.percent(20) {
            w(
                &mut t,
                format_args!("hours_per_level = {}\n", rng.pick(&[20, 60, 80, 120])),
            );
        }
        if args.edge_cases {
            // FORMAT.md r2: a skill's own mix and renewal effort, from a
            // stream of their own so the rest of the file stays as it was.
            if edge.percent(30) {
                let mix = edge.pick(&["0-0-100", "40-50-10", "50-30-20"]);
                w(&mut t, format_args!("mix = \"{mix}\"\n"));
            }
            if edge.percent(30) {
                w(
                    &mut t,
                    format_args!("renew_hours = {}\n", edge.pick(&[4, 8, 16])),
                );
            }
        }
        t.push('\n');
    }

    let mut order: Vec<usize> = (0..args.skills).collect();
    for r in 1..=ROLES {
        let k = (rng.between(3, 6) as usize).min(args.skills);
        // Partial Fisher-Yates: the first k of `order` are k distinct skills.
        for i in 0..k {
            let j = i + rng.below((args.skills - i) as u64) as usize;
            order.swap(i, j);
        }
        let mut chosen: Vec<usize> = order[..k].to_vec();
        chosen.sort_unstable();
        let requires: Vec<String> = chosen
            .iter()
            .map(|&s| format!("{} = {}", skill_id(s), rng.between(1, 4)))
            .collect();
        w(
            &mut t,
            format_args!(
                "[[role]]\nid = \"r{r:02}\"\nname = \"Rolle {r:02}\"\nrequires = {{ {} }}\n\n",
                requires.join(", ")
            ),
        );
    }

    let nw = width(args.needs as u64, 4);
    let total_teams = units.teams.len() as f64;
    let cap = (n / 500).max(20);
    for k in 1..=args.needs {
        let skill = rng.below(args.skills as u64) as usize;
        let level = match rng.below(100) {
            0..10 => 1,
            10..45 => 2,
            45..85 => 3,
            _ => 4,
        };
        // Scope: the unit (cut from a random team to a depth) and/or role.
        let team = rng.pick(&units.teams).clone();
        let cut = |depth: usize| team.split('/').take(depth).collect::<Vec<_>>().join("/");
        let (unit, role) = match rng.below(100) {
            0..10 => (None, None),
            10..25 => (Some(cut(1)), None),
            25..45 => (Some(cut(2)), None),
            45..65 => (Some(cut(3)), None),
            65..80 => (None, Some(rng.between(1, ROLES as u64))),
            _ => (
                Some(cut(rng.between(1, 2) as usize)),
                Some(rng.between(1, ROLES as u64)),
            ),
        };
        let mut in_scope = n as f64;
        if let Some(u) = &unit {
            in_scope *= units.teams_within(u) as f64 / total_teams;
        }
        if role.is_some() {
            in_scope *= 0.97 / ROLES as f64;
        }
        let expected = in_scope * share_at_least(level);
        let count = match rng.below(100) {
            // Probably met.
            0..30 => ((expected * (0.3 + 0.6 * rng.below(1000) as f64 / 1000.0)) as u64).max(1),
            // A shortfall that candidates can usually cover.
            30..85 => {
                let extra = ((expected * 0.6).ceil() as u64).clamp(1, cap);
                expected.ceil() as u64 + 1 + rng.below(extra)
            }
            // A big shortfall: recruitment, at least in small scopes.
            _ => {
                let extra = (in_scope.ceil() as u64).clamp(1, cap);
                expected.ceil() as u64 + 1 + rng.below(extra)
            }
        };
        let priority = match rng.below(100) {
            0..15 => "critical",
            15..45 => "high",
            45..80 => "medium",
            _ => "low",
        };
        w(
            &mut t,
            format_args!(
                "[[need]]\nid = \"n{k:0nw$}\"\nskill = \"{}\"\nlevel = {level}\ncount = {count}\n",
                skill_id(skill)
            ),
        );
        if let Some(u) = unit {
            w(&mut t, format_args!("unit = \"{u}\"\n"));
        }
        if let Some(r) = role {
            w(&mut t, format_args!("role = \"r{r:02}\"\n"));
        }
        w(&mut t, format_args!("priority = \"{priority}\"\n"));
        if rng.percent(40) {
            let from = days_from_civil(2027, 1, 1);
            let to = days_from_civil(2028, 12, 31);
            let day = rng.between(0, (to - from) as u64) as i64 + from;
            w(&mut t, format_args!("by = {}\n", dates.str(day)));
        }
        if rng.percent(40) {
            w(
                &mut t,
                format_args!("driver = \"{}\"\n", rng.pick(DRIVERS).0),
            );
        }
        t.push('\n');
    }
    fs::write(path, t)
}

/// people.csv: one row per person, in id order.
fn write_people(args: &Args, units: &Units, dates: &Dates, path: &Path) -> io::Result<()> {
    let mut rng = Rng::new(args.seed, 1);
    let mut out = BufWriter::with_capacity(1 << 20, File::create(path)?);
    // --edge-cases: FORMAT.md r2 "Present": first and last days around D
    // and the needs' horizons, from a stream of their own.
    let mut edge = Rng::new(args.seed, 4);
    let (y, m, d) = AS_OF;
    let as_of = days_from_civil(y, m, d);
    if args.edge_cases {
        out.write_all(b"id,name,unit,role,starts,leaves\n")?;
    } else {
        out.write_all(b"id,name,unit,role\n")?;
    }
    let mut id = Counter::new("p", width(args.people, 7));
    let roles: Vec<String> = (1..=ROLES).map(|r| format!("r{r:02}")).collect();
    let mut line = Vec::with_capacity(128);
    for _ in 0..args.people {
        line.clear();
        line.extend_from_slice(id.next());
        line.push(b',');
        line.extend_from_slice(rng.pick(FIRST).as_bytes());
        line.push(b' ');
        line.extend_from_slice(rng.pick(LAST).as_bytes());
        line.push(b',');
        line.extend_from_slice(rng.pick(&units.teams).as_bytes());
        line.push(b',');
        if !rng.percent(3) {
            line.extend_from_slice(rng.pick(&roles).as_bytes());
        }
        if args.edge_cases {
            let (starts, leaves) = match edge.below(100) {
                // A signed hire: starts after D, before or after the horizons.
                0..3 => (Some(as_of + 1 + edge.below(700) as i64), None),
                // Leaves after D: before some horizons, after others.
                3..8 => (None, Some(as_of + edge.below(800) as i64)),
                // Left before D (a warning; counted nowhere).
                8..9 => (None, Some(as_of - 1 - edge.below(300) as i64)),
                // Started earlier and has a last day long after every horizon.
                9..12 => (
                    Some(as_of - 1 - edge.below(2000) as i64),
                    Some(as_of + 1000 + edge.below(100) as i64),
                ),
                _ => (None, None),
            };
            for day in [starts, leaves] {
                line.push(b',');
                if let Some(day) = day {
                    if edge.percent(30) {
                        // Norwegian form, as Excel writes it: 04.01.2027.
                        let (y, m, d) = civil_from_days(day);
                        line.extend_from_slice(format!("{d:02}.{m:02}.{y:04}").as_bytes());
                    } else {
                        line.extend_from_slice(dates.get(day));
                    }
                }
            }
        }
        line.push(b'\n');
        out.write_all(&line)?;
    }
    out.flush()
}

/// One assessment row's variable part.
struct Row {
    level: u8,
    /// Day number, or None for undated.
    day: Option<i64>,
    interest: bool,
    expires: Option<i64>,
}

struct AssessmentWriter<'a> {
    dates: &'a Dates,
    edge_cases: bool,
    as_of: i64,
    /// First day of the "recent" (not stale) window.
    fresh_from: i64,
    earliest: i64,
    line: Vec<u8>,
    rows: u64,
}

impl AssessmentWriter<'_> {
    /// A random assessment date: 55 % within the last two years, the rest
    /// back to 2021-01-01 (stale).
    fn day(&self, rng: &mut Rng) -> i64 {
        if rng.percent(55) {
            rng.between(self.fresh_from as u64, self.as_of as u64) as i64
        } else {
            rng.between(self.earliest as u64, self.fresh_from as u64 - 1) as i64
        }
    }

    fn row(&mut self, rng: &mut Rng, r: u64) -> Row {
        let level = level_from(r >> 20);
        let interest = bits_below(r >> 40, 0.15);
        let mut row = Row {
            level,
            day: Some(self.day(rng)),
            interest,
            expires: None,
        };
        if self.edge_cases {
            let e = rng.below(1000);
            if e < 10 {
                row.day = None;
            } else if e < 25 {
                // An expired certificate.
                row.expires =
                    Some(rng.between(self.fresh_from as u64, self.as_of as u64 - 1) as i64);
            } else if e < 30 {
                // Expires on the reference date itself: still valid.
                row.expires = Some(self.as_of);
            } else if e < 40 {
                // A valid one.
                row.expires =
                    Some(rng.between(self.as_of as u64 + 1, self.as_of as u64 + 800) as i64);
            } else if e < 46 {
                // Assessed after D: not known at D (FORMAT.md r2).
                row.day = Some(rng.between(self.as_of as u64 + 1, self.as_of as u64 + 60) as i64);
            }
        }
        row
    }

    fn write(
        &mut self,
        out: &mut impl Write,
        person: &[u8],
        skill: &[u8],
        row: &Row,
        rng: &mut Rng,
    ) -> io::Result<()> {
        let line = &mut self.line;
        line.clear();
        line.extend_from_slice(person);
        line.push(b',');
        line.extend_from_slice(skill);
        line.push(b',');
        if self.edge_cases && rng.percent(2) {
            line.extend_from_slice(LEVEL_NAMES[row.level as usize].as_bytes());
        } else {
            line.push(b'0' + row.level);
        }
        line.push(b',');
        if let Some(day) = row.day {
            line.extend_from_slice(self.dates.get(day));
        }
        line.push(b',');
        if self.edge_cases {
            if let Some(day) = row.expires {
                line.extend_from_slice(self.dates.get(day));
            }
            line.push(b',');
            let words = if row.interest { YES_WORDS } else { NO_WORDS };
            // Mostly the plain words, sometimes the others.
            let word = if rng.percent(80) {
                words[0]
            } else {
                *rng.pick(words)
            };
            line.extend_from_slice(word.as_bytes());
        } else if row.interest {
            line.extend_from_slice(b"yes");
        }
        line.push(b'\n');
        self.rows += 1;
        out.write_all(line)
    }
}

/// assessments.csv; returns (rows, second rows).
fn write_assessments(args: &Args, dates: &Dates, path: &Path) -> io::Result<(u64, u64)> {
    let mut rng = Rng::new(args.seed, 2);
    let mut out = BufWriter::with_capacity(1 << 20, File::create(path)?);
    if args.edge_cases {
        out.write_all(b"person,skill,level,assessed,expires,interest\n")?;
    } else {
        out.write_all(b"person,skill,level,assessed,interest\n")?;
    }
    let (y, m, d) = AS_OF;
    let as_of = days_from_civil(y, m, d);
    let mut w = AssessmentWriter {
        dates,
        edge_cases: args.edge_cases,
        as_of,
        fresh_from: days_from_civil(y - 2, m, d),
        earliest: days_from_civil(2021, 1, 1),
        line: Vec::with_capacity(128),
        rows: 0,
    };
    let sw = width(args.skills as u64, 3);
    let skills: Vec<String> = (1..=args.skills).map(|i| format!("s{i:0sw$}")).collect();
    let mut id = Counter::new("p", width(args.people, 7));
    let assessed = ASSESSED_PERCENT as f64 / 100.0;
    let mut seconds = 0u64;
    for _ in 0..args.people {
        id.next();
        let person = id.as_str().as_bytes();
        for skill in &skills {
            let r = rng.next_u64();
            if !bits_below(r, assessed) {
                continue;
            }
            let first = w.row(&mut rng, r);
            w.write(&mut out, person, skill.as_bytes(), &first, &mut rng)?;
            let dup = (r >> 16) & 0x3FF; // 0..1024
            let dup_share = if args.edge_cases { 31 } else { 10 };
            if dup >= dup_share {
                continue;
            }
            seconds += 1;
            let r2 = rng.next_u64();
            let mut second = w.row(&mut rng, r2);
            // Normally later (or the same day: then the later row wins).
            let base = first.day.unwrap_or(w.fresh_from).min(as_of);
            second.day = Some(rng.between(base as u64, as_of as u64) as i64);
            if args.edge_cases {
                second.day = match rng.below(5) {
                    0 => first.day.map(|d| d - 1 - rng.below(300) as i64),
                    1 => first.day,
                    2 => None,
                    _ => second.day,
                };
                if rng.percent(20) {
                    second.expires = Some(as_of - 1 - rng.below(200) as i64);
                }
            }
            w.write(&mut out, person, skill.as_bytes(), &second, &mut rng)?;
        }
    }
    out.flush()?;
    Ok((w.rows, seconds))
}

/// Writes org.toml, people.csv and assessments.csv into `args.out` (created
/// if missing); returns (assessment rows, second rows).
pub fn run(args: &Args) -> io::Result<(u64, u64)> {
    fs::create_dir_all(&args.out)?;
    let dates = Dates::new();
    let units = Units::new(&mut Rng::new(args.seed, 0));
    write_org(args, &units, &dates, &args.out.join("org.toml"))?;
    write_people(args, &units, &dates, &args.out.join("people.csv"))?;
    write_assessments(args, &dates, &args.out.join("assessments.csv"))
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("generate: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let start = Instant::now();
    match run(&args) {
        Ok((rows, seconds)) => {
            eprintln!(
                "generate: wrote {} assessment rows ({} second rows) for {} people, {} skills, {} needs into {} in {:.1} s",
                rows,
                seconds,
                args.people,
                args.skills,
                args.needs,
                args.out.display(),
                start.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("generate: {}: {e}", args.out.display());
            ExitCode::FAILURE
        }
    }
}
