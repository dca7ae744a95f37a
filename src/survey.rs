//! Assessment forms (`kompetanse survey`, issue 24): one XLSX workbook per
//! person, made from a [`Form`] of `crate::analysis::survey`, that
//! kompetanse reads back as it is, as a long-format assessment file.
//!
//! The first sheet is the form: a heading block (the person's name, unit,
//! role, the round's date, an instruction), then a long-format header row
//! and one row per skill. The heading is skipped without a warning because
//! the header row is the sheet's print titles (docs/format.md, "Files as
//! HR makes them"); the columns shown for information (skill name,
//! description, current level, target, note) are ones the long-format
//! reader ignores without a word (`crate::load::columns::INFORMATIONAL`).
//! The sheet is protected without a password: only the answer cells
//! (level, interest, assessed, source, and expires where the skill has a
//! `renew_hours`) are unlocked. The second sheet is the scale: what each
//! level means in general and for each skill on the form that says so.
//! The third (issue 26) is where the person lists the activities they did
//! since the last round, read as an activity log when the forms are named
//! in `[profiles] activities`.
//!
//! It writes no file: the cli decides where the bytes go.

use rust_xlsxwriter::{
    Color, DataValidation, ExcelDateTime, Format, FormatAlign, FormatBorder, ProtectionOptions,
    Workbook, Worksheet, XlsxError,
};

use crate::analysis::survey::{Form, FormRow};
use crate::model::{Date, Level, Organisation};
use crate::render::Lang;
use crate::render::words::{Key, Labels};
use crate::report::DueReason;

/// Who fills the form in: its `source` column's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Filler {
    /// The person themself (`self`).
    #[default]
    Own,
    /// Their line manager (`manager`).
    Manager,
}

/// How a round's forms are written.
#[derive(Debug, Clone, Copy)]
pub struct FormStyle {
    pub lang: Lang,
    /// Pre-filled in every row's `assessed` cell.
    pub date: Date,
    pub filler: Filler,
}

/// The form's columns, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Person,
    Skill,
    SkillName,
    Description,
    Current,
    Target,
    Note,
    Level,
    Interest,
    Assessed,
    Expires,
    Source,
}

impl Column {
    pub const ALL: [Column; 12] = [
        Column::Person,
        Column::Skill,
        Column::SkillName,
        Column::Description,
        Column::Current,
        Column::Target,
        Column::Note,
        Column::Level,
        Column::Interest,
        Column::Assessed,
        Column::Expires,
        Column::Source,
    ];

    /// Its header in `lang`: the reader's own column name
    /// (`crate::load::columns`) for a column it reads, a word of the
    /// catalogue for a column shown for information.
    pub fn header(self, lang: Lang) -> &'static str {
        let read = |en: &'static str, nb: &'static str| match lang {
            Lang::En => en,
            Lang::Nb => nb,
        };
        let shown = |key: Key| Labels::new(lang).get(key);
        match self {
            Column::Person => read("person", "ansatt"),
            Column::Skill => read("skill", "kompetanse"),
            Column::SkillName => shown(Key::FormSkillName),
            Column::Description => shown(Key::FormDescription),
            Column::Current => shown(Key::FormCurrent),
            Column::Target => shown(Key::FormTarget),
            Column::Note => shown(Key::FormNote),
            Column::Level => read("level", "nivå"),
            Column::Interest => read("interest", "interesse"),
            Column::Assessed => read("assessed", "vurdert"),
            Column::Expires => read("expires", "utløper"),
            Column::Source => read("source", "kilde"),
        }
    }

    /// True for the columns a person answers in (unlocked cells).
    pub fn answer(self) -> bool {
        matches!(
            self,
            Column::Level | Column::Interest | Column::Assessed | Column::Expires | Column::Source
        )
    }

    fn index(self) -> u16 {
        Column::ALL.iter().position(|c| *c == self).unwrap_or(0) as u16
    }

    /// Its width in characters; the description's only where some skill
    /// on the form has one.
    fn width(self, descriptions: bool) -> f64 {
        match self {
            // The person column also holds the heading's labels.
            Column::Person => 17.0,
            Column::Skill => 14.0,
            Column::SkillName => 30.0,
            Column::Description if descriptions => 44.0,
            Column::Description => 14.0,
            Column::Current | Column::Target => 15.0,
            Column::Level => 17.0,
            Column::Note => 26.0,
            Column::Interest => 11.0,
            Column::Source => 14.0,
            Column::Assessed | Column::Expires => 12.0,
        }
    }
}

/// The values a form's drop-downs offer, as the reader parses them
/// (`interest`: yes/no, ja/nei; `source`: `crate::model::source`'s words).
struct Answers {
    yes: &'static str,
    no: &'static str,
    own: &'static str,
    manager: &'static str,
}

impl Answers {
    fn of(lang: Lang) -> Answers {
        match lang {
            Lang::En => Answers {
                yes: "yes",
                no: "no",
                own: "self",
                manager: "manager",
            },
            Lang::Nb => Answers {
                yes: "ja",
                no: "nei",
                own: "egenvurdering",
                manager: "leder",
            },
        }
    }
}

/// The row (0-based) of the form's header: below the heading block.
pub const HEADER_ROW: u32 = 6;

/// A level as its drop-down label, "3 - avansert" (as `init --xlsx`).
pub fn level_label(org: &Organisation, level: Level) -> String {
    format!("{level} - {}", org.scale.name(level))
}

/// A date as the language writes it.
fn date_text(lang: Lang, date: Date) -> String {
    match lang {
        Lang::Nb => format!("{:02}.{:02}.{}", date.day(), date.month(), date.year()),
        Lang::En => date.to_string(),
    }
}

fn excel_date(date: Date) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(date.year() as u16, date.month() as u8, date.day() as u8)
}

/// The cell formats of a form.
struct Formats {
    title: Format,
    label: Format,
    wrap: Format,
    header: Format,
    answer_header: Format,
    locked: Format,
    locked_wrap: Format,
    id: Format,
    answer: Format,
    answer_date: Format,
    date: Format,
    shut: Format,
}

impl Formats {
    fn new(lang: Lang) -> Formats {
        let date = match lang {
            Lang::Nb => "dd.mm.yyyy",
            Lang::En => "yyyy-mm-dd",
        };
        let grey = Color::RGB(0xF2F2F2);
        let answer_fill = Color::RGB(0xFFF9DB);
        let cell = Format::new()
            .set_border(FormatBorder::Thin)
            .set_border_color(Color::RGB(0xBFBFBF))
            .set_align(FormatAlign::Top);
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            label: Format::new().set_bold(),
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            header: cell
                .clone()
                .set_bold()
                .set_background_color(grey)
                .set_text_wrap(),
            answer_header: cell
                .clone()
                .set_bold()
                .set_background_color(Color::RGB(0xFFE699))
                .set_text_wrap(),
            locked: cell.clone(),
            locked_wrap: cell.clone().set_text_wrap(),
            id: cell
                .clone()
                .set_font_color(Color::RGB(0x595959))
                .set_background_color(grey),
            answer: cell
                .clone()
                .set_background_color(answer_fill)
                .set_unlocked(),
            answer_date: cell
                .clone()
                .set_background_color(answer_fill)
                .set_num_format(date)
                .set_unlocked(),
            date: Format::new()
                .set_num_format(date)
                .set_align(FormatAlign::Left),
            shut: cell.set_background_color(grey),
        }
    }
}

/// One person's form as an XLSX workbook.
pub fn form_workbook(
    org: &Organisation,
    form: &Form,
    style: FormStyle,
) -> Result<Vec<u8>, XlsxError> {
    let l = Labels::new(style.lang);
    let f = Formats::new(style.lang);
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(l.get(Key::FormSheet))?;
    heading(org, form, style, &f, ws)?;
    rows(org, form, style, &f, ws)?;
    let last = HEADER_ROW + form.rows.len().max(1) as u32;
    ws.set_freeze_panes(HEADER_ROW + 1, 0)?;
    // The header row is the print titles: repeated on every printed page,
    // and what tells the reader that the rows above it are the heading.
    ws.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_print_area(0, 0, last, Column::Source.index())?;
    let options = ProtectionOptions {
        format_columns: true,
        format_rows: true,
        ..ProtectionOptions::default()
    };
    ws.protect_with_options(&options);
    scale_sheet(org, form, style, &f, book.add_worksheet())?;
    log_sheet(org, form, style, &f, book.add_worksheet())?;
    book.save_to_buffer()
}

/// The heading block: title with the name, unit, role, the round's date
/// and the instruction. No cell of it names a key column, so the reader
/// never takes it for the header.
fn heading(
    org: &Organisation,
    form: &Form,
    style: FormStyle,
    f: &Formats,
    ws: &mut Worksheet,
) -> Result<(), XlsxError> {
    let l = Labels::new(style.lang);
    let p = form.person;
    let name = org.people.name(p).unwrap_or(org.people.id(p));
    ws.write_with_format(0, 0, l.fill(Key::FormTitle, &[&name]), &f.title)?;
    let unit = org.people.unit(p).map(|u| {
        let id = &org.units[u as usize];
        match org
            .declared_units
            .iter()
            .find(|d| &d.id == id)
            .and_then(|d| d.name.as_deref())
        {
            Some(name) => format!("{name} ({id})"),
            None => id.clone(),
        }
    });
    let role = org
        .people
        .role(p)
        .map(|r| org.roles[r as usize].name.clone());
    ws.write_with_format(1, 0, l.get(Key::FormUnit), &f.label)?;
    ws.write(1, 1, unit.unwrap_or_default())?;
    ws.write_with_format(2, 0, l.get(Key::FormRole), &f.label)?;
    ws.write(2, 1, role.unwrap_or_default())?;
    ws.write_with_format(3, 0, l.get(Key::FormRoundDate), &f.label)?;
    ws.write_datetime_with_format(3, 1, excel_date(style.date)?, &f.date)?;
    ws.merge_range(
        4,
        0,
        4,
        Column::Source.index(),
        l.get(match style.filler {
            Filler::Own => Key::FormInstruction,
            Filler::Manager => Key::FormInstructionManager,
        }),
        &f.wrap,
    )?;
    ws.set_row_height(4, 48)?;
    Ok(())
}

/// The header row and one row per skill.
fn rows(
    org: &Organisation,
    form: &Form,
    style: FormStyle,
    f: &Formats,
    ws: &mut Worksheet,
) -> Result<(), XlsxError> {
    let l = Labels::new(style.lang);
    let descriptions = form
        .rows
        .iter()
        .any(|r| org.skills[r.skill].description.is_some());
    for column in Column::ALL {
        let format = if column.answer() {
            &f.answer_header
        } else {
            &f.header
        };
        ws.write_with_format(
            HEADER_ROW,
            column.index(),
            column.header(style.lang),
            format,
        )?;
        ws.set_column_width(column.index(), column.width(descriptions))?;
    }
    ws.set_row_height(HEADER_ROW, 30)?;
    let answers = Answers::of(style.lang);
    let yes = answers.yes;
    let source = match style.filler {
        Filler::Own => answers.own,
        Filler::Manager => answers.manager,
    };
    let id = org.people.id(form.person);
    for (i, row) in form.rows.iter().enumerate() {
        let r = HEADER_ROW + 1 + i as u32;
        let skill = &org.skills[row.skill];
        ws.write_with_format(r, Column::Person.index(), id, &f.id)?;
        ws.write_with_format(r, Column::Skill.index(), &skill.id, &f.id)?;
        ws.write_with_format(r, Column::SkillName.index(), &skill.name, &f.locked_wrap)?;
        let description = skill.description.as_deref().unwrap_or("");
        ws.write_with_format(r, Column::Description.index(), description, &f.locked_wrap)?;
        let current = match row.current {
            Some(level) => level_label(org, level),
            None => l.get(Key::FormNotAssessed).to_string(),
        };
        ws.write_with_format(r, Column::Current.index(), current, &f.locked)?;
        let target = row.target.map(|t| level_label(org, t)).unwrap_or_default();
        ws.write_with_format(r, Column::Target.index(), target, &f.locked)?;
        let note = note(org, row, style);
        // Spreadsheets do not grow a row for wrapped text they did not
        // lay out themselves: the row is made as high as its longest text.
        let lines = [
            (Column::SkillName, skill.name.as_str()),
            (Column::Description, description),
            (Column::Note, note.as_str()),
        ]
        .iter()
        .map(|(c, text)| lines(text, c.width(descriptions)))
        .max()
        .unwrap_or(1);
        if lines > 1 {
            ws.set_row_height(r, 15 * lines)?;
        }
        ws.write_with_format(r, Column::Note.index(), note, &f.locked_wrap)?;
        ws.write_with_format(r, Column::Level.index(), "", &f.answer)?;
        let interest = if row.interest { yes } else { "" };
        ws.write_with_format(r, Column::Interest.index(), interest, &f.answer)?;
        ws.write_datetime_with_format(
            r,
            Column::Assessed.index(),
            excel_date(style.date)?,
            &f.answer_date,
        )?;
        if skill.renew_hours.is_some() {
            // Only a valid expiry is pre-filled: an expired one would set
            // a renewed level aside again.
            match row.expires.filter(|_| row.current.is_some()) {
                Some(e) => ws.write_datetime_with_format(
                    r,
                    Column::Expires.index(),
                    excel_date(e)?,
                    &f.answer_date,
                )?,
                None => ws.write_with_format(r, Column::Expires.index(), "", &f.answer_date)?,
            };
        } else {
            ws.write_with_format(r, Column::Expires.index(), "", &f.shut)?;
        }
        ws.write_with_format(r, Column::Source.index(), source, &f.answer)?;
    }
    if form.rows.is_empty() {
        return Ok(());
    }
    let (first, last) = (HEADER_ROW + 1, HEADER_ROW + form.rows.len() as u32);
    let labels: Vec<String> = (0..=org.scale.top())
        .map(|level| level_label(org, level))
        .collect();
    let list = |choices: &[&str]| DataValidation::new().allow_list_strings(choices);
    let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
    let level = Column::Level.index();
    ws.add_data_validation(first, level, last, level, &list(&labels)?)?;
    let interest = Column::Interest.index();
    let yes_no = [yes, answers.no];
    ws.add_data_validation(first, interest, last, interest, &list(&yes_no)?)?;
    let sources = [answers.own, answers.manager];
    let column = Column::Source.index();
    ws.add_data_validation(first, column, last, column, &list(&sources)?)?;
    Ok(())
}

/// About how many lines `text` wraps to in a column `width` characters wide.
fn lines(text: &str, width: f64) -> u32 {
    let per_line = (width as usize).saturating_sub(2).max(1);
    let mut lines = 0;
    for paragraph in text.split('\n') {
        let mut line = 0;
        lines += 1;
        for word in paragraph.split_whitespace() {
            let n = word.chars().count();
            if line > 0 && line + 1 + n > per_line {
                lines += 1;
                line = n;
            } else {
                line += n + usize::from(line > 0);
            }
        }
    }
    lines.max(1)
}

/// What the note column says of a row: why it is due, or that it expired.
fn note(org: &Organisation, row: &FormRow, style: FormStyle) -> String {
    let l = Labels::new(style.lang);
    let date = |d: Date| date_text(style.lang, d);
    match (row.due, row.assessed, row.expires) {
        (Some(DueReason::Missing), ..) => l.get(Key::FormMissing).to_string(),
        (Some(DueReason::Done), ..) => l.get(Key::FormDone).to_string(),
        (Some(DueReason::Expiring), _, Some(e)) => l.fill(Key::FormExpiring, &[&date(e)]),
        (Some(DueReason::Stale), Some(a), _) => {
            l.fill(Key::FormStale, &[&date(a), &org.policy.max_age_months])
        }
        (_, _, Some(e)) if row.current.is_none() => l.fill(Key::FormExpired, &[&date(e)]),
        _ => String::new(),
    }
}

/// Empty rows of the activity sheet a person can fill in.
pub const LOG_ROWS: u32 = 20;

/// The activity log's columns on a form (issue 26), as the log reader
/// names them (`crate::load::activities`) in each language.
pub fn log_headers(lang: Lang) -> [&'static str; 6] {
    match lang {
        Lang::En => ["person", "skill", "activity", "mode", "hours", "date"],
        Lang::Nb => [
            "ansatt",
            "kompetanse",
            "aktivitet",
            "læringsform",
            "timer",
            "dato",
        ],
    }
}

/// The learning modes as a form's drop-down offers them (the log reader
/// parses both languages' words).
fn mode_words(lang: Lang) -> [&'static str; 3] {
    match lang {
        Lang::En => ["experience", "social", "formal"],
        Lang::Nb => ["erfaring", "sosial", "formell"],
    }
}

/// The activity sheet (issue 26): where a person lists the learning they
/// did since the last round, read as an activity log when the forms are
/// named in `[profiles] activities` (the sheet is found by its name,
/// `crate::load::activities::LOG_SHEETS`). The person's id is filled in
/// on every row; a row with nothing else is no entry.
fn log_sheet(
    org: &Organisation,
    form: &Form,
    style: FormStyle,
    f: &Formats,
    ws: &mut Worksheet,
) -> Result<(), XlsxError> {
    let sheet = crate::load::activities::LOG_SHEETS[match style.lang {
        Lang::En => 0,
        Lang::Nb => 1,
    }];
    ws.set_name(sheet)?;
    let widths = [17.0, 20.0, 36.0, 16.0, 10.0, 12.0];
    for (c, (header, width)) in log_headers(style.lang).iter().zip(widths).enumerate() {
        let format = if c == 0 { &f.header } else { &f.answer_header };
        ws.write_with_format(0, c as u16, *header, format)?;
        ws.set_column_width(c as u16, width)?;
    }
    let id = org.people.id(form.person);
    for r in 1..=LOG_ROWS {
        ws.write_with_format(r, 0, id, &f.id)?;
        for c in 1..=4 {
            ws.write_with_format(r, c, "", &f.answer)?;
        }
        ws.write_with_format(r, 5, "", &f.answer_date)?;
    }
    let list = |choices: &[&str]| DataValidation::new().allow_list_strings(choices);
    ws.add_data_validation(1, 3, LOG_ROWS, 3, &list(&mode_words(style.lang))?)?;
    // The form's skills as a drop-down, when Excel's list has room for them.
    let skills: Vec<&str> = form
        .rows
        .iter()
        .map(|r| org.skills[r.skill].id.as_str())
        .collect();
    if !skills.is_empty() && skills.iter().map(|s| s.len() + 1).sum::<usize>() < 255 {
        ws.add_data_validation(1, 1, LOG_ROWS, 1, &list(&skills)?)?;
    }
    ws.set_freeze_panes(1, 0)?;
    let options = ProtectionOptions {
        format_columns: true,
        format_rows: true,
        ..ProtectionOptions::default()
    };
    ws.protect_with_options(&options);
    Ok(())
}

/// The scale sheet: each level's label, what it means in general
/// (`[scale] descriptions`), and for each skill on the form that has its
/// own `levels`, what it means for that skill.
fn scale_sheet(
    org: &Organisation,
    form: &Form,
    style: FormStyle,
    f: &Formats,
    ws: &mut Worksheet,
) -> Result<(), XlsxError> {
    let l = Labels::new(style.lang);
    ws.set_name(l.get(Key::FormScaleSheet))?;
    let skills: Vec<usize> = form
        .rows
        .iter()
        .map(|r| r.skill)
        .filter(|&s| !org.skills[s].levels.is_empty())
        .collect();
    let general = !org.scale.descriptions.is_empty();
    let mut column = 0u16;
    ws.write_with_format(0, column, l.get(Key::FormScaleLevel), &f.header)?;
    ws.set_column_width(column, 18)?;
    let mut heights = vec![1u32; org.scale.top() as usize + 1];
    for level in 0..=org.scale.top() {
        ws.write_with_format(level as u32 + 1, column, level_label(org, level), &f.locked)?;
    }
    if general {
        column += 1;
        ws.write_with_format(0, column, l.get(Key::FormScaleGeneral), &f.header)?;
        ws.set_column_width(column, 40)?;
        for (level, text) in org.scale.descriptions.iter().enumerate() {
            ws.write_with_format(level as u32 + 1, column, text, &f.locked_wrap)?;
            heights[level] = heights[level].max(lines(text, 40.0));
        }
    }
    for s in skills {
        column += 1;
        let skill = &org.skills[s];
        ws.write_with_format(0, column, &skill.name, &f.header)?;
        ws.set_column_width(column, 32)?;
        for (level, text) in skill.levels.iter().enumerate() {
            ws.write_with_format(level as u32 + 1, column, text, &f.locked_wrap)?;
            heights[level] = heights[level].max(lines(text, 32.0));
        }
    }
    for (level, &h) in heights.iter().enumerate().filter(|(_, h)| **h > 1) {
        ws.set_row_height(level as u32 + 1, 15 * h)?;
    }
    ws.set_freeze_panes(1, 1)?;
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::columns::{canonical, fold};

    /// The answer and id columns are headed by names the long-format
    /// reader knows, in both languages; the information columns by names
    /// it does not (so they are read as information, not as data).
    #[test]
    fn headers_are_the_reader_s_columns_in_both_languages() {
        let read = [
            (Column::Person, "person"),
            (Column::Skill, "skill"),
            (Column::Level, "level"),
            (Column::Interest, "interest"),
            (Column::Assessed, "assessed"),
            (Column::Expires, "expires"),
            (Column::Source, "source"),
        ];
        for lang in [Lang::En, Lang::Nb] {
            let l = Labels::new(lang);
            for column in Column::ALL {
                let header = fold(column.header(lang));
                let expected = read.iter().find(|(c, _)| *c == column).map(|(_, n)| *n);
                assert_eq!(canonical(&header), expected, "{lang:?} {column:?}");
            }
            // The drop-downs' values are the reader's.
            let answers = Answers::of(lang);
            assert_eq!(crate::load::fields::parse_interest(answers.yes), Some(true));
            assert_eq!(crate::load::fields::parse_interest(answers.no), Some(false));
            let rule = crate::model::SourceRule::default();
            assert_eq!(
                rule.classify(answers.own).kind,
                crate::model::SourceKind::Own
            );
            assert_eq!(
                rule.classify(answers.manager).kind,
                crate::model::SourceKind::Manager
            );
            // The heading's labels never name the key column.
            for key in [Key::FormUnit, Key::FormRole, Key::FormRoundDate] {
                let label = fold(l.get(key));
                assert!(
                    !matches!(canonical(&label), Some("person" | "id")),
                    "{label}"
                );
            }
        }
    }

    #[test]
    fn wrapped_text_counts_its_lines() {
        assert_eq!(lines("", 30.0), 1);
        assert_eq!(lines("kort", 30.0), 1);
        assert_eq!(lines(&"ord ".repeat(20), 22.0), 4);
        assert_eq!(lines("a\nb", 30.0), 2);
    }
}
