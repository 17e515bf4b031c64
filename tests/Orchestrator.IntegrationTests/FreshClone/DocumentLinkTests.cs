using System.Text.RegularExpressions;
using Orchestrator.IntegrationTests.Infrastructure;

namespace Orchestrator.IntegrationTests.FreshClone;

/// <summary>
/// A new user follows the README's links first: every relative link in the repository's Markdown (README, docs/,
/// the CLI's and the web console's README, workflows/) names a file or folder that is there, and a link to a heading
/// names a heading of that file.
/// </summary>
public sealed partial class DocumentLinkTests
{
    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        foreach (var path in MarkdownFiles())
        {
            data.Add(Path.GetRelativePath(BuiltArtifacts.RepositoryRoot, path));
        }

        return data;
    }

    [Fact]
    public void Readme_LinksEveryContractDocument()
    {
        var readme = File.ReadAllText(Path.Combine(BuiltArtifacts.RepositoryRoot, "README.md"));
        var linked = Links(readme).Select(l => l.Split('#')[0]).ToHashSet(StringComparer.Ordinal);

        var documents = Directory.GetFiles(Path.Combine(BuiltArtifacts.RepositoryRoot, "docs"), "*.md").Select(p => $"docs/{Path.GetFileName(p)}");

        documents.Should().NotBeEmpty().And.OnlyContain(d => linked.Contains(d), "README links every document in docs/");
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void RelativeLinks_NameFilesAndHeadingsThatExist(string document)
    {
        var path = Path.Combine(BuiltArtifacts.RepositoryRoot, document);
        var folder = Path.GetDirectoryName(path)!;

        var broken = new List<string>();
        foreach (var link in Links(File.ReadAllText(path)))
        {
            var (target, anchor) = link.IndexOf('#') is var hash and >= 0 ? (link[..hash], link[(hash + 1)..]) : (link, null);
            var file = target.Length == 0 ? path : Path.GetFullPath(Path.Combine(folder, Uri.UnescapeDataString(target)));
            if (!File.Exists(file) && !Directory.Exists(file))
            {
                broken.Add($"{link} (no such file)");
            }
            else if (anchor is { Length: > 0 } && File.Exists(file) && !Anchors(File.ReadAllText(file)).Contains(anchor))
            {
                broken.Add($"{link} (no such heading)");
            }
        }

        broken.Should().BeEmpty($"every relative link in {document} resolves");
    }

    private static IEnumerable<string> MarkdownFiles()
    {
        var root = BuiltArtifacts.RepositoryRoot;
        string[] skipped = ["node_modules", "bin", "obj", "artifacts", ".git", "data"];
        return Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
            .Where(p => !Path.GetRelativePath(root, p).Split(Path.DirectorySeparatorChar).Any(part => skipped.Contains(part, StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal);
    }

    private static IEnumerable<string> Links(string markdown) =>
        LinkPattern().Matches(markdown).Select(m => m.Groups["target"].Value)
            .Where(t => !t.Contains("://", StringComparison.Ordinal) && !t.StartsWith("mailto:", StringComparison.Ordinal));

    /// <summary>GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens.</summary>
    private static HashSet<string> Anchors(string markdown) =>
        HeadingPattern().Matches(markdown)
            .Select(m => AnchorDropped().Replace(m.Groups["text"].Value.Trim().ToLowerInvariant(), string.Empty).Replace(' ', '-'))
            .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.+)$", RegexOptions.Multiline)]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"[^\p{L}\p{N}\s_-]")]
    private static partial Regex AnchorDropped();
}
