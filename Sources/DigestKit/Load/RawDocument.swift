/// A decoded Markdown file split into its front matter and body.
public struct RawDocument: Sendable, Hashable {
    public var path: String
    /// The YAML between the `---` lines.
    public var frontMatter: String
    /// Line in the file where the YAML starts, so YAML positions can be mapped back to the file.
    public var frontMatterLine: Int
    public var body: String
    /// Line in the file where the body starts.
    public var bodyLine: Int

    public init(path: String, frontMatter: String, frontMatterLine: Int, body: String, bodyLine: Int) {
        self.path = path
        self.frontMatter = frontMatter
        self.frontMatterLine = frontMatterLine
        self.body = body
        self.bodyLine = bodyLine
    }
}
