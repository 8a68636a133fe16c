//! A client's allowance of messages: a token bucket that lets a person's
//! clicks through and sets a flood aside, telling the client once and the
//! log twice (when the flood starts and when it ends).

use std::time::{Duration, Instant};

/// How many messages a client may send at once; a person clicks a few a
/// second, a flood is set aside.
pub const BURST: f64 = 60.0;

/// How many messages a second a client may send once its burst is spent.
pub const PER_SECOND: f64 = 25.0;

/// A whole view is the dearest answer: asking for one counts as this many
/// messages.
pub const WHOLE_VIEW_COST: f64 = 5.0;

/// A client's allowance of messages (a token bucket).
#[derive(Clone, Debug)]
pub struct Allowance {
    tokens: f64,
    at: Instant,
    /// Messages set aside in the flood under way.
    set_aside: u64,
    /// When the last message was set aside: a flood is over once a second
    /// has passed without one.
    last_set_aside: Option<Instant>,
}

impl Default for Allowance {
    fn default() -> Allowance {
        Allowance {
            tokens: BURST,
            at: Instant::now(),
            set_aside: 0,
            last_set_aside: None,
        }
    }
}

/// What the allowance says of one message.
pub enum Admission {
    /// It passes; a flood that just ended set this many aside.
    Pass { flood_ended: Option<u64> },
    /// Set aside, and the flood starts: tell the client once.
    FloodStarts,
    /// Set aside, in a flood already reported.
    SetAside,
}

impl Allowance {
    /// Whether a message of `cost` may pass now; else it is counted.
    pub fn spend(&mut self, cost: f64, now: Instant) -> bool {
        let refill = now.saturating_duration_since(self.at).as_secs_f64() * PER_SECOND;
        self.tokens = (self.tokens + refill).min(BURST);
        self.at = now;
        if self.tokens >= cost {
            self.tokens -= cost;
            true
        } else {
            self.set_aside += 1;
            false
        }
    }

    /// Spends the allowance for one message and says what to do with it.
    pub fn admit(&mut self, cost: f64, now: Instant) -> Admission {
        let flooding = self.last_set_aside.is_some();
        if self.spend(cost, now) {
            let ended = self
                .last_set_aside
                .is_some_and(|at| now.saturating_duration_since(at) >= Duration::from_secs(1));
            if ended {
                self.last_set_aside = None;
                return Admission::Pass {
                    flood_ended: Some(std::mem::take(&mut self.set_aside)),
                };
            }
            return Admission::Pass { flood_ended: None };
        }
        self.last_set_aside = Some(now);
        if flooding {
            Admission::SetAside
        } else {
            Admission::FloodStarts
        }
    }
}
