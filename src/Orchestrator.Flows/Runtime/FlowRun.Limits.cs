using Orchestrator.Flows.Definitions;
using Orchestrator.Flows.Expressions;
using Orchestrator.Flows.Model;

namespace Orchestrator.Flows.Runtime;

/// <summary>The bounds a run keeps: the size and depth of each node's output, and no loop that never waits.</summary>
internal sealed partial class FlowRun
{
    /// <summary>
    /// How many nodes may run one after another that neither wait nor call out (variables, decisions, texts): a loop of
    /// them that never ends would hold the workflow's thread forever, and again after every restart.
    /// </summary>
    public const int MaxStepsWithoutWaiting = 10_000;

    /// <summary>
    /// Counts the nodes that run without waiting or calling out, by their type (not by whether a task completed at
    /// once, which differs between a live run and a replay), and stops a run that loops through them without end.
    /// </summary>
    private void CountStep(FlowActivity node)
    {
        if (!FlowActivityTypes.Computes(node.Type))
        {
            _stepsWithoutWaiting = 0;
            return;
        }

        if (++_stepsWithoutWaiting > MaxStepsWithoutWaiting)
        {
            throw new FlowNodeException(
                $"The flow ran {MaxStepsWithoutWaiting:N0} nodes in a row without waiting or calling out, last '{node.DisplayName}' ({node.Id}): "
                + "a loop that does not end. Give the loop an exit, or a Delay or an event to wait for.")
            { NodeId = node.Id, Fatal = true };
        }
    }

    /// <summary>A node's output goes into variables, the run view and history: one above the limit fails the node, as any failure does.</summary>
    private void RefuseOversizedOutput(FlowActivity node, NodeResult result)
    {
        var limit = _program.MaxOutputBytes;
        foreach (var value in result.Outputs.Values.Where(v => !ReferenceEquals(v, result.Output)).Prepend(result.Output))
        {
            if (JsonSize.Of(value, limit) > limit)
            {
                throw new FlowNodeException(
                    $"its output is larger than {limit:N0} bytes, the limit for one node ({FlowOptions.MaxNodeOutputBytesKey}); keep only what the flow needs, or raise the limit.")
                { NodeId = node.Id };
            }

            if (JsonSize.Depth(value, ExpressionLimits.MaxValueDepth) > ExpressionLimits.MaxValueDepth)
            {
                throw new FlowNodeException($"its output nests deeper than the limit of {ExpressionLimits.MaxValueDepth} levels; flatten it.") { NodeId = node.Id };
            }
        }
    }
}
