//! The built-in learning-activity catalogue, used when org.toml has no
//! `[[activity]]`: the ways of learning a skill from the deck's
//! breadth/specialist x mandatory/voluntary matrix (DOMAIN.md), with
//! Norwegian names.
//!
//! Left out: the deck's programmes for roles and career stages (onboarding,
//! new leaders, leadership development, project-manager training, late
//! career, leader evaluation, competence committee, leader networks and
//! gatherings, project-manager forum), which are not ways to learn an
//! arbitrary skill, and the CV database and recruitment, which are not
//! learning at all (recruitment is the gap report's `recruit`). An
//! organisation that wants them suggested lists them in its own catalogue,
//! with `skills = [...]`.

use crate::model::{Activity, ActivityKind, Mode};

/// (name, mode, kind, mandatory, typical hours)
const CATALOGUE: &[(&str, Mode, ActivityKind, bool, u32)] = {
    use ActivityKind::{Any, Breadth, Specialist};
    use Mode::{Experience, Formal, Social};
    &[
        // Breddekompetanse, obligatorisk
        ("Kompetansedrøftinger", Social, Breadth, true, 3),
        // Breddekompetanse, frivillig
        ("Læringsnettverk", Social, Breadth, false, 20),
        ("Oppfriskningskurs", Formal, Breadth, false, 8),
        (
            "Opptak av allmøter og felleskurs",
            Formal,
            Breadth,
            false,
            4,
        ),
        (
            "Mini-evaluering av egen praksis",
            Experience,
            Breadth,
            false,
            4,
        ),
        ("Kompetansetorg", Social, Breadth, false, 10),
        // Spisskompetanse, obligatorisk
        ("Mentorordning", Social, Specialist, true, 20),
        (
            "Spesialistopplæring og sertifisering",
            Formal,
            Specialist,
            true,
            40,
        ),
        // Spisskompetanse, frivillig
        ("Hospitering", Experience, Specialist, false, 40),
        ("Pilotering", Experience, Specialist, false, 40),
        ("Coaching", Social, Specialist, false, 10),
        ("Fagnettverk", Social, Specialist, false, 15),
        ("Eksterne nettverk", Social, Specialist, false, 10),
        ("Kursmeny og digitale tilbud", Formal, Specialist, false, 10),
        // Any skill: learning by doing, the 70 of 70-20-10
        ("Strekkoppdrag i eget arbeid", Experience, Any, false, 40),
    ]
};

/// The built-in catalogue, in the order above.
pub fn default_activities() -> Vec<Activity> {
    CATALOGUE
        .iter()
        .map(|&(name, mode, kind, mandatory, hours)| Activity {
            name: name.to_string(),
            mode,
            kind,
            mandatory,
            skills: Vec::new(),
            hours: Some(hours),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_deck_examples_are_set_as_the_issue_says() {
        let all = default_activities();
        let find = |name: &str| all.iter().find(|a| a.name == name).unwrap();
        let h = find("Hospitering");
        assert_eq!(
            (h.mode, h.kind, h.mandatory),
            (Mode::Experience, ActivityKind::Specialist, false)
        );
        let m = find("Mentorordning");
        assert_eq!(
            (m.mode, m.kind, m.mandatory),
            (Mode::Social, ActivityKind::Specialist, true)
        );
        let o = find("Oppfriskningskurs");
        assert_eq!(
            (o.mode, o.kind, o.mandatory),
            (Mode::Formal, ActivityKind::Breadth, false)
        );
        // Every mode has something for either kind of skill.
        for mode in Mode::ALL {
            for kind in [ActivityKind::Breadth, ActivityKind::Specialist] {
                assert!(
                    all.iter()
                        .any(|a| a.mode == mode && (a.kind == kind || a.kind == ActivityKind::Any))
                );
            }
        }
    }
}
