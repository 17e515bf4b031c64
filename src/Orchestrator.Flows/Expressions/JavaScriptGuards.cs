using Jint;
using Jint.Native;
using Jint.Native.Error;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;

namespace Orchestrator.Flows.Expressions;

/// <summary>
/// Closes the ways a single call escapes the sandbox's memory limit, which Jint checks between statements: the
/// built-ins whose result can be far larger than their arguments (<c>repeat</c>, <c>padStart</c>/<c>padEnd</c>,
/// <c>replace</c>/<c>replaceAll</c>, <c>concat</c>, <c>String.raw</c>, <c>JSON.stringify</c> over shared values) check
/// the size of what they would build first and refuse past <see cref="ExpressionLimits.MaxStringLength"/>, and the
/// binary buffers (<c>ArrayBuffer</c>, typed arrays, <c>Atomics</c>), which allocate their whole size in one call and
/// which flow expressions have no use for, are not there at all.
/// </summary>
internal static class JavaScriptGuards
{
    /// <summary>The message of the <c>RangeError</c> a refused call throws; the sandbox recognises it to name the limit.</summary>
    public const string Refusal = "would build a string longer than the limit";

    private static readonly string[] BinaryGlobals =
    [
        "ArrayBuffer", "SharedArrayBuffer", "DataView", "Atomics", "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array",
        "Uint16Array", "Int32Array", "Uint32Array", "Float16Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array",
        "WebAssembly",
    ];

    public static void Install(Engine engine)
    {
        foreach (var name in BinaryGlobals)
        {
            engine.Global.Delete(name);
        }

        // Taken before the script runs, which may assign the global RangeError.
        var rangeError = engine.GetValue("RangeError") as ErrorConstructor ?? engine.Intrinsics.Error;
        var strings = (ObjectInstance)engine.GetValue("String").Get("prototype");
        Wrap(engine, rangeError, strings, "repeat", 1, (self, args) =>
            Text(self).Length * Math.Max(0, Number(args, 0)));
        Wrap(engine, rangeError, strings, "padStart", 2, (_, args) => Number(args, 0));
        Wrap(engine, rangeError, strings, "padEnd", 2, (_, args) => Number(args, 0));
        Wrap(engine, rangeError, strings, "replace", 2, (self, args) => ReplaceBound(engine, self, args, all: false));
        Wrap(engine, rangeError, strings, "replaceAll", 2, (self, args) => ReplaceBound(engine, self, args, all: true));
        Wrap(engine, rangeError, strings, "concat", 1, (self, args) => Text(self).Length + args.Sum(a => (double)TypeConverter.ToString(a).Length));

        var stringConstructor = (ObjectInstance)engine.GetValue("String");
        Wrap(engine, rangeError, stringConstructor, "raw", 1, (_, args) => RawBound(args));

        var json = (ObjectInstance)engine.GetValue("JSON");
        var stringify = json.Get("stringify");
        json.FastSetProperty("stringify", new PropertyDescriptor(
            new ClrFunction(engine, "stringify", (_, args) =>
            {
                var replacer = args.Length > 1 ? args[1] : JsValue.Undefined;
                var space = args.Length > 2 ? args[2] : JsValue.Undefined;
                return engine.Call(stringify, JsValue.Undefined, [args.Length > 0 ? args[0] : JsValue.Undefined, CountingReplacer(engine, replacer, rangeError), space]);
            }, 3, PropertyFlag.Configurable),
            PropertyFlag.Writable | PropertyFlag.Configurable));
    }

    /// <summary>
    /// A <c>JSON.stringify</c> replacer that adds up what each value will write and throws once the document would pass
    /// the limit, so a value that refers to one large string many times is refused while it is being written (after
    /// the script's own replacer, when it has one: a function is called first, a list of keys is applied by Jint).
    /// </summary>
    public static JsValue CountingReplacer(Engine engine, JsValue inner, ErrorConstructor error)
    {
        var function = inner.IsCallable() ? inner : null;
        long written = 0;
        var replacer = new ClrFunction(engine, "replacer", (self, args) =>
        {
            var key = args.Length > 0 ? args[0] : JsValue.Undefined;
            var value = args.Length > 1 ? args[1] : JsValue.Undefined;
            if (function is not null)
            {
                value = engine.Call(function, self, [key, value]);
            }

            written += (key.IsString() ? key.AsString().Length : 0) + (value.IsString() ? value.AsString().Length : 0) + 8;
            if (written > ExpressionLimits.MaxStringLength)
            {
                throw new JavaScriptException(error, $"JSON.stringify {Refusal} of {ExpressionLimits.MaxStringLength:N0} characters");
            }

            return value;
        }, 2, PropertyFlag.Configurable);

        // A list of keys cannot be combined with a function; Jint's own check of the document's length bounds that case.
        return function is null && inner.IsArray() ? inner : replacer;
    }

    private static void Wrap(Engine engine, ErrorConstructor rangeError, ObjectInstance target, string name, int length, Func<JsValue, JsValue[], double> bound)
    {
        var original = target.Get(name);
        target.FastSetProperty(name, new PropertyDescriptor(
            new ClrFunction(engine, name, (self, args) =>
            {
                if (bound(self, args) > ExpressionLimits.MaxStringLength)
                {
                    throw new JavaScriptException(rangeError, $"{name} {Refusal} of {ExpressionLimits.MaxStringLength:N0} characters");
                }

                return engine.Call(original, self, args);
            }, length, PropertyFlag.Configurable),
            PropertyFlag.Writable | PropertyFlag.Configurable));
    }

    /// <summary>
    /// The most a replace can build: the text plus, per match, the replacement with each <c>$</c> pattern standing for
    /// up to the whole text. A function replacement is bounded by what it returns, each call being checked statements.
    /// </summary>
    private static double ReplaceBound(Engine engine, JsValue self, JsValue[] args, bool all)
    {
        var text = Text(self);
        if (args.Length < 2 || args[1].IsCallable())
        {
            return text.Length;
        }

        var replacement = TypeConverter.ToString(args[1]);
        var perMatch = replacement.Length + (replacement.Count(c => c == '$') * (double)text.Length);
        var global = all || (args[0] is ObjectInstance pattern && TypeConverter.ToString(pattern.Get("flags")).Contains('g', StringComparison.Ordinal));
        double matches;
        if (!global)
        {
            matches = 1;
        }
        else if (args[0] is ObjectInstance regex)
        {
            // Counting a regular expression's matches costs a second run of it; only worth it when the bound is at stake.
            matches = text.Length + 1;
            if (text.Length + (matches * perMatch) > ExpressionLimits.MaxStringLength
                && engine.Call(((ObjectInstance)engine.GetValue("String").Get("prototype")).Get("match"), self, [regex]) is ObjectInstance found)
            {
                matches = TypeConverter.ToNumber(found.Get("length"));
            }
        }
        else
        {
            matches = ExpressionLimits.Occurrences(text, TypeConverter.ToString(args[0]));
        }

        return text.Length + (matches * perMatch);
    }

    private static double RawBound(JsValue[] args)
    {
        if (args.Length == 0 || args[0] is not ObjectInstance strings || strings.Get("raw") is not ObjectInstance raw)
        {
            return 0;
        }

        var count = TypeConverter.ToNumber(raw.Get("length"));
        if (double.IsNaN(count) || count <= 0)
        {
            return 0;
        }

        var total = 0.0;
        for (var i = 0; i < Math.Min(count, ExpressionLimits.MaxStringLength + 1.0); i++)
        {
            total += TypeConverter.ToString(raw.Get(i)).Length;
            if (total > ExpressionLimits.MaxStringLength)
            {
                return total;
            }
        }

        return total + args.Skip(1).Sum(a => (double)TypeConverter.ToString(a).Length);
    }

    private static string Text(JsValue value) => TypeConverter.ToString(value);

    private static double Number(JsValue[] args, int index) =>
        args.Length > index && TypeConverter.ToNumber(args[index]) is var n && !double.IsNaN(n) ? n : 0;
}
