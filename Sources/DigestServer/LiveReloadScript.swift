/// The script the preview adds to every HTML page it serves. It keeps a WebSocket open to the
/// server, reloads the page after a good rebuild (or goes to the page's new address when the
/// rebuild moved it), shows the problems of a failed build over the page until they are fixed,
/// and reconnects with back-off while the server is away, reloading once it is back.
///
/// It is added as the page is served, never written into the built site, so a preview build's
/// files are those of `digest build` and `digest build` output never holds it.
enum LiveReloadScript {
    static let path = "/_digest/live"

    static let html = """
        <script>
        (function () {
          var known = null, box = null, delay = 250;
          function overlay(problems) {
            if (!problems.length) { if (box) { box.remove(); box = null; } return; }
            if (!box) {
              box = document.createElement("div");
              box.setAttribute("role", "alert");
              box.id = "digest-preview-errors";
              box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;z-index:99999;" +
                "background:#2b0000;color:#fff;font:14px/1.5 ui-monospace,monospace;padding:1rem 1.25rem;" +
                "border-top:4px solid #ff5c5c;white-space:pre-wrap";
              document.body.appendChild(box);
            }
            box.textContent = "Build failed; showing the last good version.\\n\\n" + problems.join("\\n");
          }
          function here() {
            var path = location.pathname;
            try { path = decodeURIComponent(path); } catch (e) {}
            return path.replace(/index\\.html$/, "");
          }
          function show(state) {
            if (known && (state.server !== known.server || state.generation !== known.generation)) {
              var moved = state.moved[here()];
              if (moved && moved !== here()) { location.replace(moved + location.hash); } else { location.reload(); }
              return;
            }
            known = state;
            overlay(state.problems);
          }
          function connect() {
            var socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "\(path)");
            socket.onopen = function () { delay = 250; };
            socket.onmessage = function (event) { show(JSON.parse(event.data)); };
            socket.onclose = function () {
              setTimeout(connect, delay);
              delay = Math.min(delay * 2, 4000);
            };
          }
          connect();
        })();
        </script>

        """

    /// `page` with the script before its last `</body>`, or at the end when it has none.
    static func inject(into page: String) -> String {
        guard let body = page.range(of: "</body>", options: [.backwards, .caseInsensitive]) else { return page + html }
        var page = page
        page.insert(contentsOf: html, at: body.lowerBound)
        return page
    }
}
