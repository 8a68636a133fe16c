//! What the desk keeps between frames: the open tab, what the person is
//! composing, what they have seen, the feed's notices.

use std::collections::BTreeSet;

use faisceau_engine::session::Status;
use faisceau_engine::{Id, Refusal, RoleView};

/// The desk's tabs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tab {
    /// Clues, tagged with indicators.
    #[default]
    File,
    /// Actions and what they found.
    Actions,
    /// The share dialog, acts, and my shares.
    Share,
    /// What others shared.
    Inbox,
    /// The role's powers.
    Decisions,
    /// The table's conclusion.
    Conclusion,
    /// Injects, hints and notes.
    Messages,
}

pub(super) const TABS: [Tab; 7] = [
    Tab::File,
    Tab::Actions,
    Tab::Share,
    Tab::Inbox,
    Tab::Decisions,
    Tab::Conclusion,
    Tab::Messages,
];

/// Something that ends or skips, waiting for the person to confirm.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Confirm {
    /// Move to the next phase (solo practice).
    NextPhase,
    /// End the session at the last phase (solo practice).
    EndSession,
}

/// How many items of each list the person has seen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Seen {
    /// Clues seen in the case file.
    pub clues: BTreeSet<Id>,
    /// Action results.
    pub results: usize,
    /// Received shares.
    pub inbox: usize,
    /// Decisions taken at the table.
    pub decisions: usize,
    /// Steps of the discussion.
    pub discussion: usize,
    /// Messages.
    pub messages: usize,
    /// My shares.
    pub sent: usize,
}

impl Seen {
    pub(super) fn everything(view: &RoleView) -> Seen {
        Seen {
            clues: view.clues.iter().map(|c| c.id.clone()).collect(),
            results: view.results.len(),
            inbox: view.inbox.len(),
            decisions: view.decisions_taken.len(),
            discussion: view.discussion.len(),
            messages: view.messages.len(),
            sent: view.sent.len(),
        }
    }

    /// Marks one tab's items seen.
    pub(super) fn read(&mut self, tab: Tab, view: &RoleView) {
        let all = Seen::everything(view);
        match tab {
            Tab::File => self.clues = all.clues,
            Tab::Actions => self.results = all.results,
            Tab::Share => self.sent = all.sent,
            Tab::Inbox => self.inbox = all.inbox,
            Tab::Decisions => self.decisions = all.decisions,
            Tab::Conclusion => self.discussion = all.discussion,
            Tab::Messages => self.messages = all.messages,
        }
    }

    /// Unread items of a tab.
    pub fn unread(&self, tab: Tab, view: &RoleView) -> usize {
        match tab {
            Tab::File => view
                .clues
                .iter()
                .filter(|c| !self.clues.contains(&c.id))
                .count(),
            Tab::Actions => view.results.len().saturating_sub(self.results),
            Tab::Share => view
                .acts
                .iter()
                .filter(|a| a.to == view.role.id && !a.answered && a.declined.is_none())
                .count(),
            Tab::Inbox => view.inbox.len().saturating_sub(self.inbox),
            Tab::Decisions => view.decisions_taken.len().saturating_sub(self.decisions),
            Tab::Conclusion => {
                let waiting = view
                    .proposal
                    .as_ref()
                    .is_some_and(|p| p.waiting_for.contains(&view.role.id));
                view.discussion
                    .len()
                    .saturating_sub(self.discussion)
                    .max(usize::from(waiting))
            }
            Tab::Messages => view.messages.len().saturating_sub(self.messages),
        }
    }
}

/// One line of the activity feed.
#[derive(Clone, Debug, PartialEq)]
pub struct FeedItem {
    /// Scenario time.
    pub at: u32,
    /// A symbol.
    pub icon: &'static str,
    /// The line.
    pub text: String,
    /// The tab where it can be read.
    pub tab: Tab,
}

/// A notice on screen for a few seconds.
#[derive(Clone, Debug, PartialEq)]
pub struct Toast {
    /// What it says.
    pub item: FeedItem,
    /// When it goes (egui time, seconds).
    pub until: f64,
    /// How many received shares it stands for, when it groups several.
    pub grouped: usize,
}

/// How long a notice stays.
pub(super) const TOAST_SECONDS: f64 = 6.0;

/// Lines of the activity feed shown beside the bundle.
pub(super) const FEED_LINES: usize = 14;

/// What the person is composing on the desk, and what they have seen; not
/// part of the session.
#[derive(Clone, Debug, Default)]
pub struct DeskState {
    /// The open tab.
    pub tab: Tab,
    /// Clues chosen to share.
    pub share_clues: Vec<Id>,
    /// Recipients chosen.
    pub share_to: Vec<Id>,
    /// The legal frame chosen.
    pub frame: Option<Id>,
    /// The colleague an act is being addressed to.
    pub act_to: Option<Id>,
    /// The kinds of information the act being written covers.
    pub act_scope: Vec<Id>,
    /// Why the person declines an act addressed to them.
    pub decline_reason: String,
    /// "Answer" was pressed on an act: the share dialog, now filled, is
    /// brought into view once.
    pub scroll_to_share: bool,
    /// A frame was just chosen: its verdict is brought into view once (on
    /// a laptop it would sit under the send bar).
    pub show_verdict: bool,
    /// The person confirmed sending a breach.
    pub confirm_breach: bool,
    /// Conclusion being proposed.
    pub conclusion: Option<Id>,
    /// Orientation being proposed.
    pub orientation: Option<Id>,
    /// Reason of the proposal.
    pub reason: String,
    /// Reason for rejecting the open proposal.
    pub reject_reason: String,
    /// A note being written.
    pub note: String,
    /// The last refusal, shown until the next action.
    pub refusal: Option<Refusal>,
    /// Solo practice: the person also moves the phases on.
    pub solo: bool,
    /// Something waiting for confirmation.
    pub confirm: Option<Confirm>,
    /// A returning trainee: say "welcome back" for a few seconds, or until
    /// their first move.
    pub welcome_back: bool,
    /// When the welcome was first shown (egui time, seconds).
    pub welcome_since: Option<f64>,
    /// What the person has seen.
    pub seen: Seen,
    /// What was seen when the open tab was opened: newer items are marked new.
    pub seen_at_open: Seen,
    /// The clue whose indicator chips are open.
    pub tagging: Option<Id>,
    /// The last share sent from this desk, confirmed once the view shows it.
    pub share_sent: Option<usize>,
    /// Lines of the feed the view does not carry (phase changes, trust).
    pub local_feed: Vec<FeedItem>,
    /// The feed's length at the person's last move: later lines are new.
    pub feed_read: usize,
    /// Notices on screen.
    pub toasts: Vec<Toast>,
    /// The view drawn last, as far as changes go.
    pub last: Option<Snapshot>,
}

impl DeskState {
    /// The "welcome back" band goes, and its timer with it: a later return
    /// starts a fresh eight seconds.
    pub fn end_welcome(&mut self) {
        self.welcome_back = false;
        self.welcome_since = None;
    }
}

/// What the desk remembers of the view it drew last, to see what changed.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    pub(super) phase: usize,
    pub(super) status: Status,
    pub(super) trust: Vec<(Id, i32)>,
    /// The feed's lines (time and text) at the last look.
    pub(super) feed: Vec<(u32, String)>,
}
