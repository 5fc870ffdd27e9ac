//! Where a byte offset is in a text: the 1-based line and column (in characters)
//! that `FILE:LINE:COLUMN` messages show. Used for the config file and packs.

/// 1-based line and column (in characters) of a byte offset. Scans the text up to
/// `offset`: for many positions in one text, build a [`LineIndex`] instead.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    LineIndex::new(text).line_column(offset)
}

/// The start of every line of a text, so that each position costs a binary search
/// and the length of its own line, not a scan from the top.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset where each line starts; the first is 0.
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> LineIndex<'a> {
        let starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        LineIndex { text, starts }
    }

    /// The 1-based line of a byte offset (offsets past the end count as the end).
    pub fn line(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        self.starts.partition_point(|&start| start <= offset)
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line(offset);
        let before = &self.text.as_bytes()[self.starts[line - 1]..offset];
        // Count characters: every byte that is not a UTF-8 continuation byte.
        let column = before.iter().filter(|&&b| b & 0xC0 != 0x80).count() + 1;
        (line, column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_column_counts_from_one() {
        let text = "a = 1\nbé = 2\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 6), (2, 1));
        assert_eq!(line_column(text, 9), (2, 3));
        assert_eq!(line_column(text, 99), (3, 1));
        assert_eq!(line_column("", 0), (1, 1));
    }

    #[test]
    fn the_index_agrees_with_a_scan() {
        let text = "x\n\nab\ncé\r\nz";
        let index = LineIndex::new(text);
        for offset in 0..=text.len() {
            let before = &text.as_bytes()[..offset];
            let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
            assert_eq!(index.line(offset), line, "{offset}");
        }
    }
}
