//! Bar charts drawn at build time as inline SVG: no JavaScript and no chart
//! library in the browser. Colours come from the page's CSS (classes), so
//! the charts follow the light and dark schemes and print in black.
//! Each bar carries `data-value`, and the page puts a data table beside
//! every chart for screen readers and printing.

use crate::text::escape_xml;

pub struct Bar<'a> {
    pub label: &'a str,
    pub value: usize,
}

const WIDTH: usize = 720;
const LABEL_WIDTH: usize = 300;
const ROW: usize = 30;
const BAR: usize = 20;

/// A horizontal bar chart; `id` must be unique on the page.
pub fn bar_chart(id: &str, title: &str, bars: &[Bar]) -> String {
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let height = bars.len() * ROW + 10;
    let span = WIDTH - LABEL_WIDTH - 50;
    let mut svg = format!(
        "<svg class=\"chart\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" aria-labelledby=\"{id}-title\" preserveAspectRatio=\"xMinYMin meet\">\
         <title id=\"{id}-title\">{}</title>",
        escape_xml(title)
    );
    for (i, bar) in bars.iter().enumerate() {
        let y = 5 + i * ROW;
        let length = (bar.value * span).div_ceil(max).max(if bar.value > 0 { 2 } else { 0 });
        let text_y = y + BAR / 2 + 5;
        svg.push_str(&format!(
            "<text class=\"chart-label\" x=\"{}\" y=\"{text_y}\" text-anchor=\"end\">{}</text>\
             <rect class=\"chart-bar\" x=\"{LABEL_WIDTH}\" y=\"{y}\" width=\"{length}\" height=\"{BAR}\" data-value=\"{}\"><title>{}: {}</title></rect>\
             <text class=\"chart-value\" x=\"{}\" y=\"{text_y}\">{}</text>",
            LABEL_WIDTH - 8,
            escape_xml(bar.label),
            bar.value,
            escape_xml(bar.label),
            bar.value,
            LABEL_WIDTH + length + 6,
            bar.value
        ));
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_proportional_and_labelled() {
        let svg =
            bar_chart("c", "Số CSDL", &[Bar { label: "Nội vụ", value: 15 }, Bar { label: "Y tế & <x>", value: 3 }]);
        assert_eq!(svg.matches("<rect").count(), 2);
        assert!(svg.contains("data-value=\"15\""));
        assert!(svg.contains("width=\"370\""), "the longest bar spans the chart: {svg}");
        assert!(svg.contains("width=\"74\""), "3/15 of it: {svg}");
        assert!(svg.contains("Y tế &amp; &lt;x&gt;"));
    }
}
