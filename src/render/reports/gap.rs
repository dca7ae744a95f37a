//! `gap`: need by need, have against count, who to develop, what to
//! recruit, and renewals before a need's deadline (FORMAT r2 "Renew") and
//! people leaving or arriving before it (r2 "Present"). Its outline in both
//! dialects, the need grid every human format lays out, its CSV columns and
//! rows, and its workbook (needs, develop, renew, recruit).

use std::io;

use crate::model::Money;
use crate::render::outline::{Builder, Dialect, Outline, Text, ToOutline};
use crate::render::reports::text::{effort_line, level, or_empty, person};
use crate::render::reports::{EFFORT_COLUMNS, effort_lines, opening};
use crate::render::table::{Cell, Field, Grid, Human, L, R, Sheet, ToXlsx, field_csv, heads, pick};
use crate::render::words::{Key, Labels};
use crate::report::{Development, GapReport, GapTotals, NeedGap, Renewal};

use Dialect::{Document, Terminal};

impl ToOutline for GapReport {
    fn outline_in(&self, dialect: Dialect, l: Labels) -> Outline {
        let r = self;
        let mut out = opening(
            l,
            dialect,
            l.get(Key::WhatGap),
            &r.organisation,
            r.as_of,
            Some((&r.mix, "")),
        );
        match dialect {
            Terminal => gap_terminal(l, r, &mut out),
            Document => gap_document(l, r, &mut out),
        }
        out.build()
    }
}

/// `gap` in a terminal, top to bottom: the need grid with its total, the
/// effort, freshness and expired lines, renewals, who to develop and what
/// to recruit. One function because it is the terminal's reading order,
/// one block after another, each a few lines that share `l` and `r`;
/// split, it would only pass the builder along.
fn gap_terminal(l: Labels, r: &GapReport, out: &mut Builder) {
    if r.needs.is_empty() {
        out.heading(2, l.get(Key::NoNeeds));
        return;
    }
    let mut needs = needs(l, r, Terminal);
    let t = &r.totals;
    // The total's words stand in the skill column, which a narrow table keeps.
    let words = format!(
        "{}: {}, {}",
        l.get(Key::Total),
        l.count(t.needs, Key::NeedNoun, Key::NeedsNoun),
        l.fill(Key::NUnmet, &[&l.int(t.unmet as u64)])
    );
    needs.push(needs_total(l, r, words));
    out.grid(needs);
    effort_lines(l, Terminal, &needs_effort(l, r), Key::BasisNeeds, out);
    let f = &r.freshness;
    let mut line = l.fill(Key::FreshnessPairs, &[&l.int(f.assessed as u64)]);
    if f.assessed > 0 {
        line.push_str(&l.fill(
            Key::FreshnessStale,
            &[
                &l.int(f.stale as u64),
                &l.percent(f.stale as f64 / f.assessed as f64),
                &or_empty(f.stale_before),
                &f.max_age_months,
            ],
        ));
        if f.undated > 0 {
            line.push_str(&l.fill(Key::FreshnessUndated, &[&l.int(f.undated as u64)]));
        }
    }
    line.push_str(&l.fill(Key::FreshnessExpired, &[&l.int(f.expired as u64)]));
    let mut expired: Vec<Text> = f
        .expired_list
        .iter()
        .map(|e| {
            Text::plain(l.fill(
                Key::ExpiredItem,
                &[&e.who(), &e.skill, &e.level, &e.expires, &e.file, &e.line],
            ))
        })
        .collect();
    if f.expired > f.expired_list.len() {
        let more = f.expired - f.expired_list.len();
        expired.push(Text::plain(l.fill(Key::ExpiredMore, &[&more])));
    }
    out.para(line).list(expired);
    renew_terminal(l, r, out);
    let develop: Vec<Text> = r
        .needs
        .iter()
        .filter(|n| !n.develop.is_empty())
        .map(|n| Text::plain(format!("{}: {}", n.id, developed(l, n, Key::DevelopItem))))
        .collect();
    if !develop.is_empty() {
        out.heading(2, l.get(Key::DevelopHeading)).list(develop);
    }
    let recruit: Vec<Text> = r
        .needs
        .iter()
        .filter(|n| n.recruit > 0)
        .map(|n| Text::plain(format!("{}: {}", n.id, recruit_line(l, n))))
        .collect();
    if !recruit.is_empty() {
        out.heading(2, l.get(Key::RecruitHeading)).list(recruit);
    }
    ks_block(l, r, Terminal, out);
}

/// Whom a need develops, each an `item` (person, from, to, hours).
fn developed(l: Labels, n: &NeedGap, item: Key) -> String {
    development_items(l, n, item).collect::<Vec<_>>().join(", ")
}

fn development_items(l: Labels, n: &NeedGap, item: Key) -> impl Iterator<Item = String> {
    n.develop.iter().map(move |d| {
        let who = person(&d.person, d.name.as_deref());
        l.fill(item, &[&who, &d.from, &d.to, &l.int(d.hours)])
    })
}

/// "2 x Rust at level 3 by 2027-06-30": what a need recruits.
fn recruit_line(l: Labels, n: &NeedGap) -> String {
    let by =
        n.by.map(|d| format!(" {}", l.fill(Key::ByDate, &[&d])))
            .unwrap_or_default();
    l.fill(
        Key::RecruitLine,
        &[&l.int(n.recruit.into()), &n.skill_name, &n.level, &by],
    )
}

/// The needs' effort in a line, and with an activity log how much of it
/// is done (FORMAT r3 "Hours done": the effort itself stays whole).
fn needs_effort(l: Labels, r: &GapReport) -> String {
    let t = &r.totals;
    let line = effort_line(l, &t.effort, &r.mix);
    match t.done {
        Some(done) => l.fill(Key::EffortDone, &[&line, &l.hours(done)]),
        None => line,
    }
}

fn gap_document(l: Labels, r: &GapReport, out: &mut Builder) {
    let t = &r.totals;
    out.grid(needs(l, r, Document)).para(
        Text::default()
            .strong(l.get(Key::TotalDocument))
            .and(gap_total_document(l, t)),
    );
    effort_lines(l, Document, &needs_effort(l, r), Key::BasisNeeds, out);
    deadline_notes(l, r, out);
    let develop = r.needs.iter().filter(|n| !n.develop.is_empty()).map(|n| {
        Text::plain(l.get(Key::DevelopFor))
            .strong(&n.id)
            .and(format!(": {}", developed(l, n, Key::DevelopDocumentItem)))
    });
    let recruit = r.needs.iter().filter(|n| n.recruit > 0).map(|n| {
        Text::plain(l.get(Key::RecruitFor))
            .strong(&n.id)
            .and(format!(": {}", recruit_line(l, n)))
    });
    let renew = renew_document(l, r);
    out.list(renew.into_iter().chain(develop).chain(recruit));
    ks_block(l, r, Document, out);
}

/// The columns of the gap grid, by heading: a Renew column only when some
/// need renews (an organisation without expiring holders sees the grid it
/// always had), a Late column only when plans are scheduled and some need
/// is late (FORMAT r2), and Leaving and Arriving only when some need has
/// people leaving or arriving before its deadline (r2 "Present").
fn need_columns(report: &GapReport, dialect: Dialect) -> Vec<Key> {
    use Key::*;
    let (leaving, arriving) = gap_columns(&report.needs);
    // A terminal never shows a column of zeros (issue 21).
    let any = |f: fn(&NeedGap) -> bool| dialect == Document || report.needs.iter().any(f);
    let mut columns = vec![
        ColNeed,
        ColSkill,
        ColScope,
        ColLevel,
        ColHave,
        ColShort,
        ColCoverage,
    ];
    columns.extend(leaving.then_some(ColLeaving));
    columns.extend(arriving.then_some(ColArriving));
    columns.extend(renews(report).then_some(ColRenew));
    columns.extend(any(|n| !n.develop.is_empty()).then_some(ColDevelop));
    columns.extend(any(|n| n.recruit > 0).then_some(ColRecruit));
    columns.extend((report.scheduled && any(|n| n.late > 0)).then_some(ColLate));
    columns.extend(any(|n| n.effort.total > 0.0).then_some(ColHours));
    columns.extend([ColPriority, ColBy, ColDriver]);
    columns
}

/// Whether the gap grid has a Renew column: only when some need renews
/// (the report page asks too, so both show the same columns).
pub fn renews(report: &GapReport) -> bool {
    report.needs.iter().any(|n| !n.renew.is_empty())
}

/// `gap`: a row per need, laid out from [`NEED_FIELDS`]. In a terminal a
/// row keeps to one line where it can (issue 21): the details shown in the
/// lists below, in `--wide` and in `gap --need` leave a narrow table first,
/// the skill's name is cut rather than wrapped, and only the level folds
/// under it.
pub fn needs(l: Labels, report: &GapReport, dialect: Dialect) -> Grid {
    use Key::*;
    let h = Human::new(l, dialect, report);
    let grid = Grid::of(
        &h,
        NEED_FIELDS,
        &need_columns(report, dialect),
        &report.needs,
    );
    match dialect {
        Terminal => {
            let details = grid.at(&[
                ColDriver,
                ColScope,
                ColNeed,
                ColArriving,
                ColLeaving,
                ColHours,
                ColPriority,
                ColCoverage,
                ColBy,
            ]);
            let (fold, skill) = (grid.at(&[ColLevel]), grid.at(&[ColSkill])[0]);
            grid.details(&details).fold(&fold).clip(skill)
        }
        // Scope, date and driver say where and why; the counts are the
        // table, and the skill's name says more to a person than the id.
        Document => {
            let fold = grid.at(&[
                ColDriver,
                ColBy,
                ColArriving,
                ColLeaving,
                ColScope,
                ColPriority,
                ColNeed,
                ColDevelop,
                ColRenew,
                ColLevel,
            ]);
            let last = grid.at(&[ColLate]);
            grid.fold(&fold).fold_last(&last)
        }
    }
}

/// Where a need applies, for people: "it/platform, role lead", everyone
/// when it names neither (a document says so before a role too).
fn scope(n: &NeedGap, h: &Human<'_, GapReport>) -> String {
    let l = h.l;
    let all = || l.get(Key::ScopeAll).to_string();
    let role = |role| l.fill(Key::ScopeRole, &[role]);
    match (&n.unit, &n.role) {
        (None, None) => all(),
        (Some(u), None) => u.clone(),
        (None, Some(r)) if h.dialect == Document => format!("{}, {}", all(), role(r)),
        (None, Some(r)) => role(r),
        (Some(u), Some(r)) => format!("{u}, {}", role(r)),
    }
}

/// The gap grid's total row: `words` in the skill column (which a narrow
/// table keeps), the totals under their counts.
pub fn needs_total(l: Labels, report: &GapReport, words: String) -> Vec<String> {
    use Key::*;
    let t = &report.totals;
    let mut words = Some(words);
    need_columns(report, Terminal)
        .iter()
        .map(|&key| match key {
            ColSkill => words.take().unwrap_or_default(),
            ColShort => l.int(t.shortfall),
            ColRenew => l.int(t.renew as u64),
            ColDevelop => l.int(t.develop as u64),
            ColRecruit => l.int(t.recruit),
            ColHours => l.hours(t.effort.total),
            _ => String::new(),
        })
        .collect()
}

/// `gap` (terminal): the needs whose deadline has passed, the late note,
/// and who to renew for each need, before the develop list.
pub fn renew_terminal(l: Labels, r: &GapReport, out: &mut Builder) {
    deadline_notes(l, r, out);
    let renew: Vec<Text> = r
        .needs
        .iter()
        .filter(|n| !n.renew.is_empty())
        .map(|n| Text::plain(format!("{}: {}", n.id, renewals(l, n, Key::RenewItem))))
        .collect();
    if !renew.is_empty() {
        out.heading(2, l.get(Key::RenewHeading)).list(renew);
    }
}

/// A need's renewals on one line, each worded by `item` (person, level,
/// expires, hours).
fn renewals(l: Labels, n: &NeedGap, item: Key) -> String {
    renewal_items(l, n, item).collect::<Vec<_>>().join(", ")
}

fn renewal_items(l: Labels, n: &NeedGap, item: Key) -> impl Iterator<Item = String> {
    n.renew.iter().map(move |x| {
        let who = person(&x.person, x.name.as_deref());
        l.fill(item, &[&who, &x.level, &x.expires, &l.int(x.hours)])
    })
}

/// The holders of a need's skill elsewhere in the organisation (issue 25).
fn elsewhere_items(l: Labels, n: &NeedGap) -> impl Iterator<Item = String> {
    n.elsewhere.iter().map(move |e| {
        let who = person(&e.person, e.name.as_deref());
        l.fill(
            Key::ElsewhereItem,
            &[&who, &or_empty(e.unit.as_ref()), &e.level],
        )
    })
}

/// `gap`, both dialects: a paragraph per need whose deadline has passed,
/// and what the Late column counts when some need has late people.
pub fn deadline_notes(l: Labels, r: &GapReport, out: &mut Builder) {
    // FORMAT r2 "Horizon": a deadline before D is evaluated at D.
    for n in &r.needs {
        if let Some(by) = n.by.filter(|&by| by != n.horizon) {
            out.para(l.fill(Key::HorizonPassed, &[&n.id, &by, &n.horizon]));
        }
    }
    if r.scheduled && r.needs.iter().any(|n| n.late > 0) {
        out.para(l.get(Key::LateNote));
    }
    // FORMAT r2 "Present": what the Leaving and Arriving columns count.
    for note in present_notes(l, &r.needs) {
        out.para(note);
    }
}

/// `gap` (document): "Renew for **need**: ..." items, one per need that
/// renews, to go before the develop items.
pub fn renew_document(l: Labels, r: &GapReport) -> Vec<Text> {
    r.needs
        .iter()
        .filter(|n| !n.renew.is_empty())
        .map(|n| {
            Text::plain(l.get(Key::RenewFor))
                .strong(&n.id)
                .and(format!(": {}", renewals(l, n, Key::RenewDocumentItem)))
        })
        .collect()
}

/// `gap` (document): the totals sentence, naming renewals only when there
/// are some (so a report without them reads as it always did).
pub fn gap_total_document(l: Labels, t: &GapTotals) -> String {
    let needs = l.count(t.needs, Key::NeedNoun, Key::NeedsNoun);
    let (unmet, shortfall) = (l.int(t.unmet as u64), l.int(t.shortfall));
    let (develop, recruit) = (l.int(t.develop as u64), l.int(t.recruit));
    if t.renew > 0 {
        let renew = l.int(t.renew as u64);
        l.fill(
            Key::GapTotalDocumentRenew,
            &[&needs, &unmet, &shortfall, &renew, &develop, &recruit],
        )
    } else {
        l.fill(
            Key::GapTotalDocument,
            &[&needs, &unmet, &shortfall, &develop, &recruit],
        )
    }
}

/// Whether the gap grid shows a Leaving and an Arriving column: each only
/// when some need has someone leaving or arriving before its deadline.
pub fn gap_columns(needs: &[NeedGap]) -> (bool, bool) {
    (
        needs.iter().any(|n| n.leaving > 0),
        needs.iter().any(|n| n.arriving > 0),
    )
}

/// What the Leaving and Arriving columns count, one sentence for each
/// column shown.
pub fn present_notes(l: Labels, needs: &[NeedGap]) -> Vec<&'static str> {
    let (leaving, arriving) = gap_columns(needs);
    let mut notes = Vec::new();
    notes.extend(leaving.then(|| l.get(Key::LeavingNote)));
    notes.extend(arriving.then(|| l.get(Key::ArrivingNote)));
    notes
}

/// A need's row in `gap --format csv` and the workbook's Needs sheet, in
/// order; r2's `horizon`, `renew` (count) and `late`, then `leaving` and
/// `arriving` (r2 "Present") come last, so scripts reading by position
/// still work.
/// A column of the gap table's rows.
type NeedField = Field<NeedGap, GapReport>;

pub const NEED_FIELDS: &[NeedField] = &[
    NeedField::new("id", |n| Cell::text(&n.id)).head(L, Key::ColNeed),
    // People read the skill's name; the CSV keeps its id.
    NeedField::new("skill", |n| Cell::text(&n.skill))
        .head(L, Key::ColSkill)
        .shows(|n, _| n.skill_name.clone()),
    NeedField::human(L, Key::ColScope, scope),
    NeedField::new("unit", |n| Cell::opt_text(n.unit.as_ref())),
    NeedField::new("role", |n| Cell::opt_text(n.role.as_ref())),
    NeedField::new("level", |n| Cell::int(n.level))
        .head(L, Key::ColLevel)
        .shows(|n, h| {
            let levels = &h.of.levels;
            match h.dialect {
                // The level's name, or nothing after the number when the scale has none.
                Terminal => {
                    let name = levels.get(n.level as usize).map_or("", String::as_str);
                    format!("{} {name}", n.level)
                }
                Document => level(levels, n.level),
            }
        }),
    NeedField::new("count", |n| Cell::int(n.count)),
    NeedField::new("have", |n| Cell::int(n.have))
        .head(R, Key::ColHave)
        .shows(|n, h| format!("{}/{}", h.l.int(n.have.into()), h.l.int(n.count.into()))),
    NeedField::new("shortfall", |n| Cell::int(n.shortfall)).head(R, Key::ColShort),
    NeedField::new("coverage", |n| Cell::Share(n.coverage)).head(R, Key::ColCoverage),
    NeedField::new("priority", |n| Cell::priority(n.priority)).head(L, Key::ColPriority),
    NeedField::new("by", |n| Cell::opt_date(n.by)).head(L, Key::ColBy),
    NeedField::new("driver", |n| Cell::opt_text(n.driver.as_ref())).head(L, Key::ColDriver),
    NeedField::new("develop", |n| Cell::count(n.develop.len())).head(R, Key::ColDevelop),
    NeedField::new("recruit", |n| Cell::int(n.recruit)).head(R, Key::ColRecruit),
    NeedField::new(EFFORT_COLUMNS[0], |n| Cell::Num(n.effort.total)).head(R, Key::ColHours),
    NeedField::new(EFFORT_COLUMNS[1], |n| Cell::Num(n.effort.experience)),
    NeedField::new(EFFORT_COLUMNS[2], |n| Cell::Num(n.effort.social)),
    NeedField::new(EFFORT_COLUMNS[3], |n| Cell::Num(n.effort.formal)),
    NeedField::new("horizon", |n| Cell::Date(n.horizon)).head(L, Key::ColHorizon),
    NeedField::new("renew", |n| Cell::count(n.renew.len())).head(R, Key::ColRenew),
    NeedField::new("late", |n| Cell::int(n.late)).head(R, Key::ColLate),
    NeedField::new("leaving", |n| Cell::int(n.leaving)).head(R, Key::ColLeaving),
    NeedField::new("arriving", |n| Cell::int(n.arriving)).head(R, Key::ColArriving),
    // Issue 25 (FORMAT r3): the surplus and KS's measures on every
    // organisation; the cost columns only with `[cost]` (see `csv_fields`).
    NeedField::new("surplus", |n| Cell::int(n.surplus)).head(R, Key::ColSurplus),
    NeedField::new("beholde", |n| Cell::count(n.measures.beholde)).head(R, Key::ColBeholde),
    NeedField::new("utvikle", |n| Cell::count(n.measures.utvikle)).head(R, Key::ColUtvikle),
    NeedField::new("mobilisere", |n| Cell::count(n.measures.mobilisere))
        .head(R, Key::ColMobilisere),
    NeedField::new("rekruttere", |n| Cell::count(n.measures.rekruttere))
        .head(R, Key::ColRekruttere),
    NeedField::new("cost", |n| amount(n.cost))
        .head(R, Key::ColCost)
        .shows(|n, h| money(h.l, n.cost, &h.of.totals)),
    NeedField::new("develop_cost", |n| {
        amount(n.develop_or_recruit.map(|c| c.develop_cost))
    }),
    NeedField::new("recruit_cost", |n| {
        amount(n.develop_or_recruit.map(|c| c.recruit_cost))
    }),
    NeedField::new("in_time", |n| {
        n.develop_or_recruit
            .and_then(|c| c.in_time)
            .map_or(Cell::Empty, Cell::Bool)
    }),
];

/// The columns that exist only with `[cost]` (issue 25).
const COST_COLUMNS: [&str; 4] = ["cost", "develop_cost", "recruit_cost", "in_time"];

/// The columns that exist only when the organisation plans in KS's terms
/// (`GapReport::ks`): without `[cost]` and `phase_out`, the CSV is the one
/// it always was (JSON has them on every organisation).
const KS_COLUMNS: [&str; 5] = ["surplus", "beholde", "utvikle", "mobilisere", "rekruttere"];

/// An amount as a number cell (CSV and the Needs sheet), or empty.
fn amount(money: Option<Money>) -> Cell {
    money.map_or(Cell::Empty, |m| Cell::Num(m.amount()))
}

/// An amount for people, in the organisation's currency, or nothing.
fn money(l: Labels, money: Option<Money>, t: &GapTotals) -> String {
    money.map_or_else(String::new, |m| {
        l.money(m.amount(), t.currency.as_deref().unwrap_or_default())
    })
}

/// The need row's machine columns: every named field, the cost ones only
/// with `[cost]`.
fn csv_fields(r: &GapReport) -> Vec<NeedField> {
    let names: Vec<&str> = NEED_FIELDS
        .iter()
        .filter(|f| f.machine())
        .map(|f| f.name)
        .filter(|name| r.totals.cost.is_some() || !COST_COLUMNS.contains(name))
        .filter(|name| r.ks || !KS_COLUMNS.contains(name))
        .collect();
    pick(NEED_FIELDS, &names)
}

field_csv!(GapReport, |r| csv_fields(r), &r.needs);

impl ToXlsx for GapReport {
    fn sheets(&self) -> io::Result<Vec<Sheet>> {
        let needs = Sheet::from_csv(Key::SheetNeeds, self)?;
        let develop: Vec<_> = self
            .needs
            .iter()
            .flat_map(|n| n.develop.iter().map(move |d| (n, d)))
            .collect();
        let renew: Vec<_> = self
            .needs
            .iter()
            .flat_map(|n| n.renew.iter().map(move |r| (n, r)))
            .collect();
        let recruit = pick(
            NEED_FIELDS,
            &[
                "id", "skill", "unit", "role", "level", "recruit", "priority", "by", "driver",
            ],
        );
        let mut sheets = vec![
            needs,
            Sheet::of(Key::SheetDevelop, &develop_fields(), &develop),
            Sheet::of(Key::SheetRenew, &renew_fields(), &renew),
            Sheet::of(
                Key::SheetRecruit,
                &recruit,
                self.needs.iter().filter(|n| n.recruit > 0),
            ),
        ];
        // Issue 25: with `[cost]`, the økonomiplan, a year a row, in money.
        let t = &self.totals;
        if let (Some(years), Some(currency)) = (&t.cost_by_year, &t.currency) {
            let rows: Vec<(i16, f64, &str)> = years
                .iter()
                .map(|(&year, cost)| (year, cost.amount(), currency.as_str()))
                .collect();
            sheets.push(Sheet::of(Key::SheetBudget, &budget_fields(), &rows));
        }
        Ok(sheets)
    }
}

/// `gap`'s Budget sheet (the *økonomiplan*): a row per calendar year with
/// its cost, a number formatted as the currency.
fn budget_fields<'a>() -> [Field<(i16, f64, &'a str)>; 2] {
    [
        Field::new("year", |y| Cell::int(y.0)),
        Field::new("cost", |y| Cell::Money(y.1, y.2.to_string())),
    ]
}

/// Issue 25, when the organisation plans in KS's terms and money
/// (`GapReport::ks`): KS's measures need by need with their total, who is
/// elsewhere for a need that recruits, the budget by year, and developing
/// against recruiting. A terminal heads each part; a document leads it
/// with strong words (its headings are the page's).
pub fn ks_block(l: Labels, r: &GapReport, dialect: Dialect, out: &mut Builder) {
    use Key::*;
    if !r.ks || r.needs.is_empty() {
        return;
    }
    let t = &r.totals;
    let currency = t.currency.as_deref().unwrap_or_default();
    let head = |out: &mut Builder, key: Key| match dialect {
        Terminal => {
            out.heading(2, l.get(key));
        }
        Document => {
            out.para(Text::default().strong(l.get(key)));
        }
    };
    let mut columns = vec![
        ColNeed,
        ColBeholde,
        ColUtvikle,
        ColMobilisere,
        ColRekruttere,
    ];
    columns.extend(r.needs.iter().any(|n| n.surplus > 0).then_some(ColSurplus));
    columns.extend(t.cost.is_some().then_some(ColCost));
    let h = Human::new(l, dialect, r);
    let mut grid = Grid::of(&h, NEED_FIELDS, &columns, &r.needs);
    let m = t.measures;
    if dialect == Terminal {
        // A narrow terminal moves the cost and surplus under the need.
        let details = grid.at(&[ColSurplus, ColCost]);
        grid = grid.details(&details);
        grid.push(columns.iter().map(|&key| match key {
            ColNeed => l.get(Total).to_string(),
            ColBeholde => l.int(m.beholde),
            ColUtvikle => l.int(m.utvikle),
            ColMobilisere => l.int(m.mobilisere),
            ColRekruttere => l.int(m.rekruttere),
            ColCost => money(l, t.cost, t),
            _ => String::new(),
        }));
    }
    head(out, KsHeading);
    out.grid(grid).para(l.fill(
        KsTotalLine,
        &[
            &l.int(m.beholde),
            &l.int(m.utvikle),
            &l.int(m.mobilisere),
            &l.int(m.rekruttere),
        ],
    ));
    let elsewhere: Vec<Text> = r
        .needs
        .iter()
        .filter(|n| !n.elsewhere.is_empty())
        .map(|n| {
            let people: Vec<String> = elsewhere_items(l, n).collect();
            Text::plain(format!("{}: {}", n.id, people.join("; ")))
        })
        .collect();
    if !elsewhere.is_empty() {
        head(out, ElsewhereHeading);
        out.list(elsewhere);
    }
    if let (Some(years), Some(total)) = (&t.cost_by_year, t.cost) {
        head(out, BudgetHeading);
        out.list(years.iter().map(|(year, cost)| {
            Text::plain(l.fill(BudgetLine, &[year, &l.money(cost.amount(), currency)]))
        }))
        .para(l.fill(BudgetTotal, &[&l.money(total.amount(), currency)]));
    }
    let choices: Vec<Text> = r
        .needs
        .iter()
        .filter(|n| !n.develop.is_empty())
        .filter_map(|n| {
            let c = n.develop_or_recruit?;
            let when = match c.in_time {
                Some(true) => l.get(InTime),
                Some(false) => l.get(NotInTime),
                Option::None => l.get(NoSchedule),
            };
            let develop = l.money(c.develop_cost.amount(), currency);
            let recruit = l.money(c.recruit_cost.amount(), currency);
            Some(Text::plain(format!(
                "{}: {}",
                n.id,
                l.fill(ChoiceItem, &[&develop, &recruit, &when])
            )))
        })
        .collect();
    if !choices.is_empty() {
        head(out, ChoiceHeading);
        out.list(choices);
    }
}

/// `gap`'s Develop sheet: a row per need and person to develop.
fn develop_fields<'a>() -> [Field<(&'a NeedGap, &'a Development)>; 7] {
    [
        Field::new("id", |(n, _)| Cell::text(&n.id)),
        Field::new("skill", |(n, _)| Cell::text(&n.skill)),
        Field::new("person", |(_, d)| Cell::text(&d.person)),
        Field::new("name", |(_, d)| Cell::opt_text(d.name.as_ref())),
        Field::new("from", |(_, d)| Cell::int(d.from)),
        Field::new("to", |(_, d)| Cell::int(d.to)),
        Field::new("hours", |(_, d)| Cell::count(d.hours)),
    ]
}

/// `gap`'s Renew sheet: who renews for each need (FORMAT r2 "Renew"), a
/// row per holder.
fn renew_fields<'a>() -> [Field<(&'a NeedGap, &'a Renewal)>; 7] {
    [
        Field::new("id", |(n, _)| Cell::text(&n.id)),
        Field::new("skill", |(n, _)| Cell::text(&n.skill)),
        Field::new("person", |(_, r)| Cell::text(&r.person)),
        Field::new("name", |(_, r)| Cell::opt_text(r.name.as_ref())),
        Field::new("level", |(_, r)| Cell::int(r.level)),
        Field::new("expires", |(_, r)| Cell::Date(r.expires)),
        Field::new("hours", |(_, r)| Cell::count(r.hours)),
    ]
}

/// `gap --need ID`: one need with everything a row of the gap table holds,
/// in words, and its people by name: who renews, who develops (from, to,
/// hours), what to recruit.
pub fn need_view(r: &GapReport, n: &NeedGap, dialect: Dialect, l: Labels) -> Outline {
    use Key::*;
    let mut out = Builder::default();
    let level = level(&r.levels, n.level);
    out.title(l.fill(NeedViewTitle, &[&n.id, &n.skill_name, &level]));
    let mut facts = Grid::new(&heads(l, &[(L, ColWhat), (L, ColValue)]));
    // The row's own cells, by heading, as the gap table shows them.
    let h = Human::new(l, Terminal, r);
    let shown = [
        ColScope,
        ColPriority,
        ColBy,
        ColHorizon,
        ColDriver,
        ColHave,
        ColShort,
    ];
    let counts = [ColCoverage, ColLeaving, ColArriving, ColLate, ColRecruit];
    // Issue 25: KS's measures and the cost, when the organisation uses them.
    let ks: &[Key] = if r.ks {
        &[
            ColBeholde,
            ColUtvikle,
            ColMobilisere,
            ColRekruttere,
            ColSurplus,
            ColCost,
        ]
    } else {
        &[]
    };
    for key in shown.into_iter().chain(counts).chain(ks.iter().copied()) {
        let Some(field) = NEED_FIELDS
            .iter()
            .find(|f| f.head.is_some_and(|(_, k)| k == key))
        else {
            continue;
        };
        let value = field.show(n, &h);
        let skip = match key {
            // The horizon only when it is not the deadline.
            ColHorizon => n.by == Some(n.horizon),
            // Who leaves, arrives or is late only when someone does.
            ColLeaving | ColArriving | ColLate | ColSurplus => (field.cell)(n) == Cell::Int(0),
            _ => value.is_empty(),
        };
        if !skip {
            facts.push([l.get(key).to_string(), value]);
        }
    }
    facts.push([l.get(Effort).to_string(), effort_line(l, &n.effort, &r.mix)]);
    out.grid(facts);
    // The same headings in both dialects: the lists are the view.
    let _ = dialect;
    let recruit = (n.recruit > 0).then(|| recruit_line(l, n));
    let lists: [(Key, Vec<String>); 4] = [
        (
            RenewHeading,
            renewal_items(l, n, RenewDocumentItem).collect(),
        ),
        (
            DevelopHeading,
            development_items(l, n, DevelopDocumentItem).collect(),
        ),
        (RecruitHeading, recruit.into_iter().collect()),
        (ElsewhereHeading, elsewhere_items(l, n).collect()),
    ];
    for (heading, items) in lists {
        if !items.is_empty() {
            out.heading(2, l.get(heading))
                .list(items.into_iter().map(Text::plain));
        }
    }
    out.build()
}
