namespace Rake.Modules.Planning.Features;

/// <summary>The plan's use cases under <c>/plan</c>; each declares its own roles and validates its own request.</summary>
internal static class PlanningEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var plan = api.MapGroup("/plan").WithTags("Implementation plan");
        ViewPlan.ViewPlanEndpoint.Map(plan);
        CreatePlan.CreatePlanEndpoint.Map(plan);
        UpdatePlan.UpdatePlanEndpoint.Map(plan);
        AddGoal.AddGoalEndpoint.Map(plan);
        UpdateGoal.UpdateGoalEndpoint.Map(plan);
        RemoveGoal.RemoveGoalEndpoint.Map(plan);
        UpdateSection.UpdateSectionEndpoint.Map(plan);
        AddAction.AddActionEndpoint.Map(plan);
        UpdateAction.UpdateActionEndpoint.Map(plan);
        RemoveAction.RemoveActionEndpoint.Map(plan);
        UpdateActionStatus.UpdateActionStatusEndpoint.Map(plan);
        AddApproval.AddApprovalEndpoint.Map(plan);
        UpdateApproval.UpdateApprovalEndpoint.Map(plan);
        RemoveApproval.RemoveApprovalEndpoint.Map(plan);
        SetPublication.SetPublicationEndpoint.Map(plan);
        ListVersions.ListVersionsEndpoint.Map(plan);
        SaveVersion.SaveVersionEndpoint.Map(plan);
        CompareVersions.CompareVersionsEndpoint.Map(plan);
        ViewEvaluation.ViewEvaluationEndpoint.Map(plan);
        RecordEvaluation.RecordEvaluationEndpoint.Map(plan);
        ExportPlan.ExportPlanEndpoint.Map(plan);
    }
}
