//! Money, for budgets (FORMAT.md r3 "Cost"): the rates of `[cost]` and an
//! exact amount of money that adds up without rounding.
//!
//! A goal's cost is its hours split by its mix, each mode times that
//! mode's hour cost, plus the skill's `course_fee` per level gained. The
//! mix split is in whole percent, so hours x percent x rate is a whole
//! number of hundredths: [`Money`] keeps hundredths and never rounds, so
//! that a need's cost is the sum of its goals' to the øre and a year's
//! total the sum of its needs'. The formula itself is
//! `Organisation::goal_cost`; nothing here reads files or knows reports.

use serde::{Serialize, Serializer};

use crate::model::{LearningMix, Mode};

/// `[cost]`: what an hour of learning, a course and a recruitment cost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CostRates {
    /// A label only (`[cost] currency`); default "NOK".
    pub currency: String,
    /// The cost of one hour of learning time (`hour`); default 0.
    pub hour: u64,
    /// Per mode: `experience_hour`, `social_hour`, `formal_hour`, each
    /// overriding `hour` for its mode.
    pub mode_hour: [Option<u64>; 3],
    /// The cost of one recruitment (`recruit`); default 0.
    pub recruit: u64,
}

impl Default for CostRates {
    fn default() -> Self {
        CostRates {
            currency: "NOK".to_string(),
            hour: 0,
            mode_hour: [None; 3],
            recruit: 0,
        }
    }
}

impl CostRates {
    /// The hour cost of `mode`: its own, else `hour`.
    pub fn hour_of(&self, mode: Mode) -> u64 {
        self.mode_hour[mode as usize].unwrap_or(self.hour)
    }

    /// `hours` split by `mix`, each mode's part times its hour cost: whole
    /// hours exactly; hours less logged decimals (r3 "Hours done") to the
    /// nearest hundredth.
    pub fn hours(&self, mix: LearningMix, hours: f64) -> Money {
        let pcts = [mix.experience, mix.social, mix.formal];
        let hundredths = Mode::ALL
            .into_iter()
            .zip(pcts)
            .map(|(mode, pct)| {
                (hours.max(0.0) * pct as f64 * self.hour_of(mode) as f64).round() as u128
            })
            .sum();
        Money { hundredths }
    }

    /// `count` recruitments.
    pub fn recruitments(&self, count: u64) -> Money {
        Money::whole(count as u128 * self.recruit as u128)
    }
}

/// An amount of money, exact to the hundredth. JSON writes it as a number
/// in the currency: whole amounts as integers (`45000`), others with their
/// decimals (`4410.5`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money {
    hundredths: u128,
}

impl Money {
    pub const ZERO: Money = Money { hundredths: 0 };

    /// `amount` whole units of the currency.
    pub fn whole(amount: u128) -> Money {
        Money {
            hundredths: amount.saturating_mul(100),
        }
    }

    /// The amount in the currency, for display and JSON.
    pub fn amount(self) -> f64 {
        self.hundredths as f64 / 100.0
    }

    pub fn is_zero(self) -> bool {
        self.hundredths == 0
    }
}

impl std::ops::Add for Money {
    type Output = Money;

    fn add(self, other: Money) -> Money {
        Money {
            hundredths: self.hundredths.saturating_add(other.hundredths),
        }
    }
}

impl std::ops::AddAssign for Money {
    fn add_assign(&mut self, other: Money) {
        *self = *self + other;
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, |a, b| a + b)
    }
}

impl schemars::JsonSchema for Money {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Money".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "number", "minimum": 0 })
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.hundredths.is_multiple_of(100) && self.hundredths / 100 <= i64::MAX as u128 {
            serializer.serialize_i64((self.hundredths / 100) as i64)
        } else {
            serializer.serialize_f64(self.amount())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_cost_by_mode_and_add_up_exactly() {
        let rates = CostRates {
            hour: 900,
            mode_hour: [None, None, Some(1200)],
            ..CostRates::default()
        };
        // 7 h at 70-20-10: 4.9 h x 900 + 1.4 h x 900 + 0.7 h x 1200
        // = 4410 + 1260 + 840 = 6510.
        let m = rates.hours(LearningMix::SEVENTY_TWENTY_TEN, 7.0);
        assert_eq!(m.amount(), 6510.0);
        // 1 h at 70-20-10 with 1 kr hours: 0.7 + 0.2 + 0.1 = 1, exactly.
        let one = CostRates {
            hour: 1,
            ..CostRates::default()
        };
        let cents: Money = (0..10)
            .map(|_| one.hours(LearningMix::SEVENTY_TWENTY_TEN, 1.0))
            .sum();
        assert_eq!(cents, Money::whole(10));
        assert_eq!(
            serde_json::to_string(&Money { hundredths: 441050 }).unwrap(),
            "4410.5"
        );
        assert_eq!(serde_json::to_string(&Money::whole(45)).unwrap(), "45");
    }
}
