//! Text set inside HTML and SVG: the report, the archive's pages and the
//! sharing graph write people's words and the case's texts into markup.

/// `text` with the characters that markup reads as its own escaped.
pub fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
