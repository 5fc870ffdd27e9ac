//! Where a theme stands on the ladder: its *stage*, and the rule that derives it.
//!
//! The rule (documented for users in `docs/progress.md`):
//!
//! 1. **not started**: the theme has no entries.
//! 2. **school**: no entry of the theme is above school level.
//! 3. Otherwise look at the theme's most recent entries, at most [`RECENT`] of them
//!    (by the day they are about, then by when they were written):
//!    - **system** if at least half of them are at system level;
//!    - **network** if at least half of them are at network level or above;
//!    - **emerging network** otherwise.

use serde::{Deserialize, Serialize};

use crate::entry::Level;

/// How many of a theme's most recent entries decide its stage.
pub const RECENT: usize = 5;

/// A theme's stage. Serialized as `not_started`, `school`, `emerging_network`,
/// `network`, `system`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    NotStarted,
    School,
    EmergingNetwork,
    Network,
    System,
}

impl Stage {
    /// Applies the rule above. `ever_above_school`: whether any entry of the theme is
    /// above school level; `recent`: the levels of its most recent entries (at most
    /// [`RECENT`], in any order).
    pub fn decide(ever_above_school: bool, recent: impl IntoIterator<Item = Level>) -> Stage {
        let (mut total, mut system, mut network) = (0usize, 0usize, 0usize);
        for level in recent {
            total += 1;
            system += usize::from(level == Level::System);
            network += usize::from(level.reaches_network());
        }
        if total == 0 {
            Stage::NotStarted
        } else if !ever_above_school {
            Stage::School
        } else if system * 2 >= total {
            Stage::System
        } else if network * 2 >= total {
            Stage::Network
        } else {
            Stage::EmergingNetwork
        }
    }

    /// The stage in words, with the ladder's names (`names` bottom rung first):
    /// "not started", "School", "emerging Red", "Red", "Territorio".
    pub fn label(self, names: &[String; 3]) -> String {
        match self {
            Stage::NotStarted => "not started".to_string(),
            Stage::School => names[0].clone(),
            Stage::EmergingNetwork => format!("emerging {}", names[1]),
            Stage::Network => names[1].clone(),
            Stage::System => names[2].clone(),
        }
    }

    /// The identifier used in JSON and CSV.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::NotStarted => "not_started",
            Stage::School => "school",
            Stage::EmergingNetwork => "emerging_network",
            Stage::Network => "network",
            Stage::System => "system",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Level::*;

    #[test]
    fn the_stage_rule() {
        assert_eq!(Stage::decide(false, []), Stage::NotStarted);
        assert_eq!(Stage::decide(false, [School, School]), Stage::School);
        // One network entry among five recent: emerging.
        assert_eq!(
            Stage::decide(true, [School, School, School, School, Network]),
            Stage::EmergingNetwork
        );
        // Network long ago, only school lately: still emerging, not "school".
        assert_eq!(Stage::decide(true, [School; 5]), Stage::EmergingNetwork);
        // Half or more at network or above.
        assert_eq!(Stage::decide(true, [School, Network]), Stage::Network);
        assert_eq!(
            Stage::decide(true, [School, School, Network, System, Network]),
            Stage::Network
        );
        // Half or more at system.
        assert_eq!(Stage::decide(true, [School, System]), Stage::System);
        assert_eq!(
            Stage::decide(true, [System, System, System, School, School]),
            Stage::System
        );
        assert_eq!(
            Stage::decide(true, [System, System, Network, School, School]),
            Stage::Network
        );
    }

    #[test]
    fn labels_use_the_ladder_names() {
        let names = [
            "Escuela".to_string(),
            "Red".to_string(),
            "Territorio".to_string(),
        ];
        assert_eq!(Stage::EmergingNetwork.label(&names), "emerging Red");
        assert_eq!(Stage::System.label(&names), "Territorio");
        assert_eq!(Stage::NotStarted.label(&names), "not started");
    }
}
