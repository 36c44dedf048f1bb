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
    /// bytes. The usual week fits whole and is rendered once. A busy one is searched between the
    /// largest count known to fit and the smallest known not to, starting from none and all.
    /// Each count tried is read off the line through those two: an issue grows by about the
    /// same for each article it lists, so the guess lands on the answer or beside it, where
    /// halving the range took a render per halving (a whole issue each, at a busy desk's
    /// weeks). After two guesses that each left more than half the range, the range is halved,
    /// so a theme whose size is far from a line costs a bounded number of renders. When even no
    /// leading articles do not fit, that smallest rendering is returned.
    static func fit(most: Int, maxBytes: Int, render: (Int) -> String) -> Fitted {
        let whole = render(most)
        if whole.utf8.count <= maxBytes || most == 0 { return Fitted(leads: most, html: whole) }
        let bare = render(0)
        guard bare.utf8.count <= maxBytes else { return Fitted(leads: 0, html: bare) }
        var fits = (leads: 0, html: bare, size: bare.utf8.count)
        var tooBig = (leads: most, size: whole.utf8.count)
        var misses = 0
        while fits.leads + 1 < tooBig.leads {
            let range = tooBig.leads - fits.leads
            let leads =
                misses >= 2
                ? fits.leads + range / 2
                : guess(between: (fits.leads, fits.size), and: tooBig, maxBytes: maxBytes)
            let html = render(leads)
            let size = html.utf8.count
            if size <= maxBytes {
                fits = (leads, html, size)
            } else {
                tooBig = (leads, size)
            }
            misses = (tooBig.leads - fits.leads) * 2 > range ? misses + 1 : 0
        }
        return Fitted(leads: fits.leads, html: fits.html)
    }

    /// The count strictly between `fits` and `tooBig` where the line through their sizes
    /// reaches `maxBytes` (rounded down), or the middle if the sizes do not grow.
    static func guess(between fits: (leads: Int, size: Int), and tooBig: (leads: Int, size: Int), maxBytes: Int) -> Int {
        let growth = tooBig.size - fits.size
        guard growth > 0 else { return (fits.leads + tooBig.leads) / 2 }
        let leads = fits.leads + (maxBytes - fits.size) * (tooBig.leads - fits.leads) / growth
        return min(max(leads, fits.leads + 1), tooBig.leads - 1)
    }
}
