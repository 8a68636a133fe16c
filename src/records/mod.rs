//! What a workshop leaves behind: the debrief report a trainer presents and
//! keeps (`report`, HTML), and the archive of finished workshops with its
//! statistics (`archive`).

#[cfg(not(target_arch = "wasm32"))]
pub mod archive;
pub mod html;
#[cfg(not(target_arch = "wasm32"))]
pub mod report;
