//! What each role may know, and what the trainer sees.
//!
//! Whatever crosses the network toward a trainee is that trainee's
//! [`RoleView`], so it holds only what the role discovered, was told, or
//! may read in any case (its card, the table, the legal frame).
//!
//! The view's types (`types`), the role's story read from the events
//! (`story`), the role's view built from both (`role`), and the trainer's
//! view and glance (`trainer`).

mod role;
mod story;
mod trainer;
mod types;

pub use self::trainer::*;
pub use self::types::*;
