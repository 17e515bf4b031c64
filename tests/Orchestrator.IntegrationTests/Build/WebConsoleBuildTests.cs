using System.Diagnostics;
using Orchestrator.IntegrationTests.Infrastructure;

namespace Orchestrator.IntegrationTests.Build;

/// <summary>
/// The web console's build steps say what they do where the user sees it, also under the quiet verbosity that
/// <c>dotnet run</c> builds with. Run against a tiny npm project of their own (one local dependency), so nothing is
/// downloaded and the real console is not rebuilt.
/// </summary>
public sealed class WebConsoleBuildTests
{
    [Fact]
    public async Task WebUiBuild_QuietVerbosityAsDotnetRunBuilds_SaysWhatItIsDoing()
    {
        using var folder = new TestFolder("web-console-build");
        var web = Directory.CreateDirectory(folder.File("web")).FullName;
        Directory.CreateDirectory(Path.Combine(web, "dep"));
        await File.WriteAllTextAsync(Path.Combine(web, "dep", "package.json"), """{ "name": "local-dep", "version": "1.0.0" }""");
        await File.WriteAllTextAsync(Path.Combine(web, "package.json"), """
            { "name": "console-stand-in", "version": "1.0.0", "private": true, "dependencies": { "local-dep": "file:dep" },
              "scripts": { "build": "node -e \"require('fs').mkdirSync('out',{recursive:true});require('fs').writeFileSync('out/index.html','<p>')\"" } }
            """);
        await File.WriteAllTextAsync(Path.Combine(web, "package-lock.json"), """
            { "name": "console-stand-in", "version": "1.0.0", "lockfileVersion": 3, "requires": true,
              "packages": {
                "": { "name": "console-stand-in", "version": "1.0.0", "dependencies": { "local-dep": "file:dep" } },
                "dep": { "name": "local-dep", "version": "1.0.0" },
                "node_modules/local-dep": { "resolved": "dep", "link": true } } }
            """);
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            "msbuild", Path.Combine(BuiltArtifacts.RepositoryRoot, "src", "Orchestrator.Server", "Orchestrator.Server.csproj"),
            "-nologo", "-verbosity:quiet", "-target:WebUiBuild",
            $"-property:WebUiProjectDir={web}/", $"-property:WebUiOutputDir={web}/out/", $"-property:WebUiInstallStamp={web}/node_modules/.package-lock.json",
        })
        {
            info.ArgumentList.Add(argument);
        }

        using var build = Process.Start(info)!;
        var output = await build.StandardOutput.ReadToEndAsync();
        var errors = await build.StandardError.ReadToEndAsync();
        await build.WaitForExitAsync();

        build.ExitCode.Should().Be(0, output + errors);
        output.Should().Contain("Building the web console: installing its packages with npm ci").And.Contain("first build only")
            .And.Contain("Building the web console: npm run build");
        File.Exists(Path.Combine(web, "out", "index.html")).Should().BeTrue();
    }
}
