using Rake.Modules.Competence.Features.AddNeed;
using Rake.Modules.Competence.Features.AddOrientationItem;
using Rake.Modules.Competence.Features.AddSpecialist;
using Rake.Modules.Competence.Features.AddTraining;
using Rake.Modules.Competence.Features.AnswerSurvey;
using Rake.Modules.Competence.Features.CloseSurvey;
using Rake.Modules.Competence.Features.CompareSurveys;
using Rake.Modules.Competence.Features.CompleteOrientationItem;
using Rake.Modules.Competence.Features.CreateUnit;
using Rake.Modules.Competence.Features.GetSurvey;
using Rake.Modules.Competence.Features.JoinTraining;
using Rake.Modules.Competence.Features.LaunchSurvey;
using Rake.Modules.Competence.Features.ListNeeds;
using Rake.Modules.Competence.Features.ListSpecialists;
using Rake.Modules.Competence.Features.ListSurveys;
using Rake.Modules.Competence.Features.ListTrainings;
using Rake.Modules.Competence.Features.ListUnits;
using Rake.Modules.Competence.Features.RemoveSpecialist;
using Rake.Modules.Competence.Features.RemoveTraining;
using Rake.Modules.Competence.Features.UpdateOrientationItem;
using Rake.Modules.Competence.Features.UpdateSpecialist;
using Rake.Modules.Competence.Features.UpdateTraining;
using Rake.Modules.Competence.Features.UpdateUnit;
using Rake.Modules.Competence.Features.ViewOrientation;
using Rake.Modules.Competence.Features.ViewSetup;

namespace Rake.Modules.Competence.Features;

/// <summary>The module's region API: each use case maps its own endpoint, with its role requirement if it has one.</summary>
internal static class CompetenceEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var surveys = api.MapGroup("/competence/surveys").WithTags("Competence surveys");
        ListSurveysEndpoint.Map(surveys);
        LaunchSurveyEndpoint.Map(surveys);
        GetSurveyEndpoint.Map(surveys);
        AnswerSurveyEndpoint.Map(surveys);
        CloseSurveyEndpoint.Map(surveys);
        CompareSurveysEndpoint.Map(surveys);
        ListUnitsEndpoint.Map(api);

        var staff = api.MapGroup("/competence").WithTags("Competence");
        ViewOrientationEndpoint.Map(staff);
        CompleteOrientationItemEndpoint.Map(staff);
        ListTrainingsEndpoint.Map(staff);
        AddTrainingEndpoint.Map(staff);
        UpdateTrainingEndpoint.Map(staff);
        RemoveTrainingEndpoint.Map(staff);
        JoinTrainingEndpoint.Map(staff);
        ListSpecialistsEndpoint.Map(staff);
        AddSpecialistEndpoint.Map(staff);
        UpdateSpecialistEndpoint.Map(staff);
        RemoveSpecialistEndpoint.Map(staff);
        ListNeedsEndpoint.Map(staff);
        AddNeedEndpoint.Map(staff);
        ViewSetupEndpoint.Map(staff);
        CreateUnitEndpoint.Map(staff);
        UpdateUnitEndpoint.Map(staff);
        AddOrientationItemEndpoint.Map(staff);
        UpdateOrientationItemEndpoint.Map(staff);
    }
}
