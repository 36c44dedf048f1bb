/// The script the preview adds to every page: it long-polls the server, reloads the page after a
/// good rebuild, and shows the problems of a failed one over the page until they are fixed.
/// It is never part of `digest build` output.
enum LiveReloadScript {
    static let eventsPath = "/_digest/wait"

    static let html = """
        <script>
        (function () {
          var known = null;
          var box = null;
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
          function poll() {
            var url = "/_digest/wait" + (known ? "?revision=" + known.revision : "");
            fetch(url, { cache: "no-store" }).then(function (response) { return response.json(); }).then(function (state) {
              if (known && state.generation !== known.generation) { location.reload(); return; }
              known = state;
              overlay(state.problems);
              poll();
            }).catch(function () { setTimeout(poll, 1000); });
          }
          poll();
        })();
        </script>

        """
}
