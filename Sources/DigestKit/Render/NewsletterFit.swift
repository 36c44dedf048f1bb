/// Finds how many leading articles per section a newsletter can list and stay under its byte
/// limit, by measuring what the template really renders: titles, summaries and a theme's markup
/// vary too much for an estimate to be a guarantee.
enum NewsletterFit {
    struct Fitted {
        /// Articles listed per section.
        var leads: Int
        var html: String
    }

    /// `render(leads)` for the largest `leads` up to `most` whose output has at most `maxBytes`
    /// bytes. The usual week fits whole and is rendered once; a busy one is searched by halves
    /// (the output grows with `leads`). When even no leading articles do not fit, that smallest
    /// rendering is returned.
    static func fit(most: Int, maxBytes: Int, render: (Int) -> String) -> Fitted {
        let whole = render(most)
        if whole.utf8.count <= maxBytes || most == 0 { return Fitted(leads: most, html: whole) }
        var fits: Fitted?
        var smallest: String?
        var tooBig = most
        var low = 0
        // Invariant: every count below `low` fits (known or not yet rendered), `tooBig` does not.
        while low < tooBig {
            let middle = (low + tooBig) / 2
            let html = render(middle)
            if middle == 0 { smallest = html }
            if html.utf8.count <= maxBytes {
                fits = Fitted(leads: middle, html: html)
                low = middle + 1
            } else {
                tooBig = middle
            }
        }
        return fits ?? Fitted(leads: 0, html: smallest ?? render(0))
    }
}
