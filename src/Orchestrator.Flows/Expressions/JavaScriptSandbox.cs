using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Acornima;
using Acornima.Ast;
using Jint;
using Jint.Native;
using Jint.Native.Json;
using Jint.Native.Object;
using Jint.Runtime;

namespace Orchestrator.Flows.Expressions;

/// <summary>
/// Runs the JavaScript of flow expressions in Jint with no way out: strict mode, no CLR or host access, and limits on
/// time (also of each regular expression), allocated memory (also of single calls, see <see cref="JavaScriptGuards"/>), statements,
/// recursion, stack depth, string length and array size. Each evaluation gets a fresh engine whose clock is
/// the instance's recorded time and whose <c>Math.random</c> is seeded from the instance and node, so replay decides
/// the same. In scope: <c>getX()</c>/<c>setX(v)</c> per variable, <c>getX()</c> and <c>getInputX()</c> per input (a
/// variable of the same name wins for <c>getX</c>), <c>getVariable(name)</c>, <c>setVariable(name, v)</c>,
/// <c>getInput(name)</c>, <c>getOutput(nodeId)</c>, and the objects <c>variables</c>, <c>input</c>, <c>outputs</c>
/// (copies) and <c>workflowInstanceId</c>.
/// </summary>
internal static class JavaScriptSandbox
{
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(1);
    public const long MemoryLimitBytes = 32L * 1024 * 1024;
    public const int RecursionLimit = 64;
    public const int StatementLimit = 1_000_000;
    public const uint ArraySizeLimit = 1_000_000;

    private static readonly System.Text.Json.JsonDocumentOptions ValueOptions = new() { MaxDepth = ExpressionLimits.MaxValueDepth };

    /// <summary>The longest a single regular expression may run; the time limit is checked between statements, so this bounds one match.</summary>
    public static readonly TimeSpan RegexTimeLimit = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Parses a script once (at compile time, and when validating); a script that does not parse is reported by the node
    /// that runs it. A script longer than <see cref="ExpressionLimits.MaxSourceLength"/> is refused unread, and one
    /// nested deeper than the parser can go is refused by the parser itself before it runs out of stack.
    /// </summary>
    public static Prepared<Script>? TryPrepare(string code, out string? error)
    {
        if (ExpressionLimits.SourceTooLong(code) is { } tooLong)
        {
            error = $"the script is too long: {tooLong}";
            return null;
        }

        try
        {
            error = null;
            return Engine.PrepareScript(code, strict: true);
        }
        catch (ParseErrorException ex)
        {
            error = Describe(ex);
            return null;
        }
        catch (ScriptPreparationException ex) when (ex.InnerException is ParseErrorException parse)
        {
            error = Describe(parse);
            return null;
        }
        catch (Exception ex) when (ex is InsufficientExecutionStackException || ex.InnerException is InsufficientExecutionStackException)
        {
            error = "it nests expressions or statements deeper than the parser allows; split it into smaller parts";
            return null;
        }
        catch (ScriptPreparationException ex)
        {
            error = (ex.InnerException?.Message ?? ex.Message).TrimEnd('.');
            return null;
        }
    }

    public static JsonNode? Evaluate(Prepared<Script> script, FlowScope scope, string nodeId, string what)
    {
        var engine = new Engine(options =>
        {
            options.Strict();
            options.LimitRecursion(RecursionLimit);
            options.TimeoutInterval(TimeLimit);
            options.LimitMemory(MemoryLimitBytes);
            options.MaxStatements(StatementLimit);
            options.MaxArraySize(ArraySizeLimit);

            // Deep recursion and deeply nested values (JSON.stringify of 100,000 levels) raise a RangeError while stack is left, instead of ending the process.
            options.Constraints.StackOverflowGuard = true;
            options.Constraints.RegexTimeout = RegexTimeLimit;
            options.DisableStringCompilation();
            options.TimeSystem = new FixedTimeSystem(scope.Now);
        });
        try
        {
            JavaScriptGuards.Install(engine);
            Bind(engine, scope, nodeId);
            var result = engine.Evaluate(script);
            return ToJson(engine, result);
        }
        catch (RegexMatchTimeoutException ex)
        {
            throw Limit(nodeId, what, $"ran a regular expression longer than its limit of {RegexTimeLimit.TotalMilliseconds:0} ms", ex);
        }
        catch (TimeoutException ex)
        {
            throw Limit(nodeId, what, $"ran longer than its time limit of {TimeLimit.TotalSeconds:0.#} s", ex);
        }
        catch (MemoryLimitExceededException ex)
        {
            throw Limit(nodeId, what, $"allocated more than its memory limit of {MemoryLimitBytes / (1024 * 1024)} MB", ex);
        }
        catch (RecursionDepthOverflowException ex)
        {
            throw Limit(nodeId, what, $"nested calls deeper than its recursion limit of {RecursionLimit}", ex);
        }
        catch (StatementsCountOverflowException ex)
        {
            throw Limit(nodeId, what, $"ran more than its statement limit of {StatementLimit:N0} statements", ex);
        }
        catch (Exception ex) when (ex is InsufficientExecutionStackException || (ex is JavaScriptException && ex.Message.Contains("call stack size exceeded", StringComparison.Ordinal)))
        {
            throw Limit(nodeId, what, "nested calls or values deeper than the stack allows", ex);
        }
        catch (JavaScriptException ex) when (ex.Message.Contains(JavaScriptGuards.Refusal, StringComparison.Ordinal) || ex.Message.Contains("Invalid string length", StringComparison.Ordinal))
        {
            throw Limit(nodeId, what, $"built a string longer than its limit of {ExpressionLimits.MaxStringLength:N0} characters", ex);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw Limit(nodeId, what, $"made a value nested deeper than its limit of {ExpressionLimits.MaxValueDepth} levels", ex);
        }
        catch (JavaScriptException ex) when (ex.Message.Contains("is not defined", StringComparison.Ordinal))
        {
            throw new FlowExpressionException(
                $"The JavaScript of node '{nodeId}' ({what}) failed: {ex.Message}. Scripts see only the flow's variables, inputs and node outputs; .NET and the host are out of reach.", ex);
        }
        catch (JavaScriptException ex)
        {
            throw new FlowExpressionException($"The JavaScript of node '{nodeId}' ({what}) failed: {ex.Message}", ex);
        }
        catch (ExecutionCanceledException ex)
        {
            throw Limit(nodeId, what, "was cancelled", ex);
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("array", StringComparison.OrdinalIgnoreCase))
        {
            throw Limit(nodeId, what, $"made an array larger than its limit of {ArraySizeLimit:N0} items", ex);
        }
    }

    private static FlowExpressionException Limit(string nodeId, string what, string broke, Exception inner) =>
        new($"The JavaScript of node '{nodeId}' ({what}) {broke} and was stopped.", inner);

    private static void Bind(Engine engine, FlowScope scope, string nodeId)
    {
        var parser = new JsonParser(engine);
        JsValue FromJson(JsonNode? node) => node is null ? JsValue.Null : parser.Parse(node.ToJsonString());

        foreach (var (name, _) in scope.Variables.ToList())
        {
            if (!IsIdentifier(name))
            {
                continue;
            }

            var variable = name;
            var getter = new Func<JsValue>(() => FromJson(scope.Get(variable)));
            var setter = new Action<JsValue>(v => scope.Set(variable, ToJson(engine, v)));
            foreach (var suffix in Suffixes(name))
            {
                engine.SetValue("get" + suffix, getter);
                engine.SetValue("set" + suffix, setter);
            }
        }

        foreach (var (name, value) in scope.Input)
        {
            if (!IsIdentifier(name))
            {
                continue;
            }

            var captured = value;
            var getter = new Func<JsValue>(() => FromJson(captured));
            foreach (var suffix in Suffixes(name))
            {
                engine.SetValue("getInput" + suffix, getter);
                if (!scope.Has(name) && engine.GetValue("get" + suffix).IsUndefined())
                {
                    engine.SetValue("get" + suffix, getter);
                }
            }
        }

        engine.SetValue("getVariable", new Func<string, JsValue>(name => FromJson(scope.Get(name))));
        engine.SetValue("setVariable", new Action<string, JsValue>((name, v) => scope.Set(name, ToJson(engine, v))));
        engine.SetValue("getInput", new Func<string, JsValue>(name => FromJson(scope.Input.TryGetPropertyValue(name, out var v) ? v : null)));
        engine.SetValue("getOutput", new Func<string, JsValue>(id => FromJson(scope.Outputs.TryGetPropertyValue(id, out var v) ? v : null)));
        engine.SetValue("variables", FromJson(scope.VariablesObject()));
        engine.SetValue("input", FromJson(scope.Input));
        engine.SetValue("outputs", FromJson(scope.Outputs));
        engine.SetValue("workflowInstanceId", scope.InstanceId);

        var random = new Random(StableSeed(scope.InstanceId + "/" + nodeId));
        if (engine.GetValue("Math") is ObjectInstance math)
        {
            math.Set("random", JsValue.FromObject(engine, new Func<double>(random.NextDouble)));
        }
    }

    /// <summary>
    /// A script's value as JSON, through the same counting replacer as <c>JSON.stringify</c> (so a value that repeats
    /// one large string is refused while it is written) and read back no deeper than <see cref="ExpressionLimits.MaxValueDepth"/>.
    /// </summary>
    private static JsonNode? ToJson(Engine engine, JsValue value)
    {
        if (value.IsUndefined() || value.IsNull())
        {
            return null;
        }

        var json = new JsonSerializer(engine).Serialize(value, JavaScriptGuards.CountingReplacer(engine, JsValue.Undefined, engine.Intrinsics.Error), JsValue.Undefined);
        return json is JsString text ? JsonNode.Parse(text.ToString(), documentOptions: ValueOptions) : null;
    }

    // Acornima counts columns from 0; people count from 1, as its own message does.
    private static string Describe(ParseErrorException e) =>
        e.LineNumber > 0 ? $"{e.Description.TrimEnd('.')} (line {e.LineNumber}, column {e.Column + 1})" : e.Description.TrimEnd('.');

    /// <summary>The names after <c>get</c>/<c>set</c> (and <c>getInput</c>) that scripts reach a variable or input by: as declared, and PascalCase.</summary>
    internal static IEnumerable<string> Suffixes(string name)
    {
        yield return name;
        var pascal = char.ToUpperInvariant(name[0]) + name[1..];
        if (pascal != name)
        {
            yield return pascal;
        }
    }

    /// <summary>Whether a variable or input name can be part of a function name (<c>getName</c>).</summary>
    internal static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] is '_' or '$') && name.All(c => char.IsLetterOrDigit(c) || c is '_' or '$');

    /// <summary>FNV-1a: string.GetHashCode differs between processes, which replay must not see.</summary>
    private static int StableSeed(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)hash;
    }
}
