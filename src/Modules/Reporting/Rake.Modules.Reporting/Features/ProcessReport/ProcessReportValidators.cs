using FluentValidation;

namespace Rake.Modules.Reporting.Features.ProcessReport;

internal sealed class SupervisorRecordRequestValidator : RequestValidator<SupervisorRecordRequest>
{
    public SupervisorRecordRequestValidator(TextCatalog texts) : base(texts)
    {
        OptionalText(r => r.CoreOfReport, SupervisorRecord.FieldMax);
        OptionalText(r => r.CommunicationGoal, SupervisorRecord.FieldMax);
        OptionalText(r => r.Audience, SupervisorRecord.FieldMax);
        OptionalText(r => r.CoreMessage, SupervisorRecord.FieldMax);
        OptionalText(r => r.ChannelAndMethod, SupervisorRecord.FieldMax);
        OptionalText(r => r.Timing, SupervisorRecord.FieldMax);
        OptionalText(r => r.Responsible, SupervisorRecord.FieldMax);
        OptionalText(r => r.FollowUp, SupervisorRecord.FieldMax);
        OptionalText(r => r.Result, SupervisorRecord.FieldMax);
        RuleFor(r => r.Priority).Must(p => p is null or (>= 1 and <= 99)).WithMessage(_ => Texts.Get("validation.range", 1, 99));
    }
}

internal sealed class StatusChangeRequestValidator : RequestValidator<StatusChangeRequest>
{
    public StatusChangeRequestValidator(TextCatalog texts) : base(texts)
    {
        EnumName<ReportStatus>(r => r.Status);
        OptionalText(r => r.Comment, TimelineEntry.CommentMax);
    }
}

internal sealed class FeedbackRequestValidator : RequestValidator<FeedbackRequest>
{
    public FeedbackRequestValidator(TextCatalog texts) : base(texts) => RequiredText(r => r.Comment, TimelineEntry.CommentMax);
}
