using System.Text.Json;
using Orchestrator.Flows.Elsa;
using Orchestrator.Flows.Model;
using Orchestrator.Flows.Validation;

namespace Orchestrator.Flows.Tests.Validation;

/// <summary>Scripts are judged as the runtime runs them: Jint's script preparation in strict mode.</summary>
public sealed class FlowValidatorJavaScriptTests
{
    [Theory]
    [InlineData("return getCounter() > 3")]
    [InlineData("const limit = 3; getCounter() >= limit")]
    [InlineData("({ id: getCustomerId(), at: new Date().toISOString() })")]
    [InlineData("[1, 2, 3].map(x => x * 2).includes(4)")]
    [InlineData("`Hello ${getInput('name')}`")]
    public void Validate_ScriptTheRuntimeRuns_HasNoProblems(string script)
    {
        FlowValidator.Validate(Decision(script)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("with (Math) { max(1, 2) }", "Strict mode code may not include a with statement (line 1, column 1)")]
    [InlineData("010 > 3", "Octal literals are not allowed in strict mode (line 1, column 1)")]
    [InlineData("delete x", "Delete of an unqualified identifier in strict mode (line 1, column 8)")]
    [InlineData("getCounter( +", "Unexpected end of input (line 1, column 14)")]
    [InlineData("getCounter() >= 3 }", "Unexpected token '}' (line 1, column 19)")]
    public void Validate_ScriptTheRuntimeRefuses_IsInvalidExpressionWithWhereItBreaks(string script, string error)
    {
        var problem = FlowValidator.Validate(Decision(script)).Should().ContainSingle().Subject;

        problem.NodeId.Should().Be("dec");
        problem.Code.Should().Be(FlowProblemCodes.InvalidExpression);
        problem.Message.Should().Be($"Node 'dec': the JavaScript of 'condition' does not parse: {error}. Correct the script.");
    }

    private static FlowDocument Decision(string script) => ElsaJson.Read($$$"""
        {"definitionId":"js","variables":[{"id":"v","name":"Counter","typeName":"Int32","value":"0"}],
         "inputs":[{"name":"name","type":"String"},{"name":"CustomerId","type":"String"}],
         "root":{"id":"fc","type":"Elsa.Flowchart","activities":[
           {"id":"start","type":"Elsa.Start"},
           {"id":"dec","type":"Elsa.FlowDecision","condition":{"typeName":"Boolean","expression":{"type":"JavaScript","value":{{{JsonSerializer.Serialize(script)}}} } } },
           {"id":"end","type":"Elsa.End"}],
          "connections":[
           {"source":{"activity":"start","port":"Done"},"target":{"activity":"dec","port":"In"}},
           {"source":{"activity":"dec","port":"True"},"target":{"activity":"end","port":"In"}},
           {"source":{"activity":"dec","port":"False"},"target":{"activity":"end","port":"In"}}]}}
        """);
}
