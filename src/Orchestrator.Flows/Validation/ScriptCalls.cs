using System.Runtime.CompilerServices;
using Acornima;
using Acornima.Ast;

namespace Orchestrator.Flows.Validation;

/// <summary>The functions a script calls by a bare name without declaring them itself (<c>getCounter()</c>, not <c>x.getCounter()</c>).</summary>
internal static class ScriptCalls
{
    /// <summary>The names, in the order first called.</summary>
    public static IReadOnlyList<string> Undeclared(Script program)
    {
        var finder = new Finder();
        finder.Visit(program);
        return [.. finder.Called.Where(name => !finder.Declared.Contains(name))];
    }

    private sealed class Finder : AstVisitor
    {
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        public List<string> Called { get; } = [];

        public HashSet<string> Declared { get; } = new(StringComparer.Ordinal);

        /// <summary>The parser stops before the stack runs out; this walk, a little shallower per level, checks too (the rule reports it).</summary>
        public override object? Visit(Node node)
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            return base.Visit(node);
        }

        protected override object? VisitCallExpression(CallExpression node)
        {
            if (node.Callee is Identifier callee && _seen.Add(callee.Name))
            {
                Called.Add(callee.Name);
            }

            return base.VisitCallExpression(node);
        }

        protected override object? VisitFunctionDeclaration(FunctionDeclaration node)
        {
            Declare(node.Id);
            DeclareAll(node.Params);
            return base.VisitFunctionDeclaration(node);
        }

        protected override object? VisitFunctionExpression(FunctionExpression node)
        {
            Declare(node.Id);
            DeclareAll(node.Params);
            return base.VisitFunctionExpression(node);
        }

        protected override object? VisitArrowFunctionExpression(ArrowFunctionExpression node)
        {
            DeclareAll(node.Params);
            return base.VisitArrowFunctionExpression(node);
        }

        protected override object? VisitVariableDeclarator(VariableDeclarator node)
        {
            Declare(node.Id);
            return base.VisitVariableDeclarator(node);
        }

        private void DeclareAll(in NodeList<Node> nodes)
        {
            foreach (var node in nodes)
            {
                Declare(node);
            }
        }

        private void Declare(Node? node)
        {
            if (node is Identifier id)
            {
                Declared.Add(id.Name);
            }
        }
    }
}
