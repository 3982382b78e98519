package provision

import (
	"context"
	"strconv"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	elb "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2"
	elbtypes "github.com/aws/aws-sdk-go-v2/service/elasticloadbalancingv2/types"
)

// NewTargetGroup creates an HTTP target group of the instance target type, with the given
// deregistration delay (how long a deregistered target drains), and deletes it after the
// spec.
func (p *Provisioner) NewTargetGroup(ctx context.Context,
	delay time.Duration) *elbtypes.TargetGroup {
	name := p.Name("tg") // "conf-1a2b3c-p2-tg-7": within ELBv2's 32 characters
	out, err := p.ELB.CreateTargetGroup(ctx, &elb.CreateTargetGroupInput{
		Name:       aws.String(name),
		Protocol:   elbtypes.ProtocolEnumHttp,
		Port:       aws.Int32(WebPort),
		VpcId:      aws.String("vpc-0123456789abcdef0"),
		TargetType: elbtypes.TargetTypeEnumInstance,
	})
	mustSucceed(err, "provision: CreateTargetGroup %s", name)
	must(len(out.TargetGroups) == 1, "provision: CreateTargetGroup %s answered %d groups", name,
		len(out.TargetGroups))
	group := out.TargetGroups[0]
	arn := aws.ToString(group.TargetGroupArn)

	logf("target group %s created", arn)
	deferCleanup("target group "+arn, func(ctx context.Context) error {
		_, err := p.ELB.DeleteTargetGroup(ctx, &elb.DeleteTargetGroupInput{
			TargetGroupArn: aws.String(arn),
		})
		return err
	})

	_, err = p.ELB.ModifyTargetGroupAttributes(ctx, &elb.ModifyTargetGroupAttributesInput{
		TargetGroupArn: aws.String(arn),
		Attributes: []elbtypes.TargetGroupAttribute{{
			Key:   aws.String("deregistration_delay.timeout_seconds"),
			Value: aws.String(strconv.Itoa(int(delay.Seconds()))),
		}},
	})
	mustSucceed(err, "provision: ModifyTargetGroupAttributes %s", arn)
	return &group
}

// TargetHealth returns the health of every target of target group arn.
func (p *Provisioner) TargetHealth(ctx context.Context,
	arn string) []elbtypes.TargetHealthDescription {
	out, err := p.ELB.DescribeTargetHealth(ctx, &elb.DescribeTargetHealthInput{
		TargetGroupArn: aws.String(arn),
	})
	mustSucceed(err, "DescribeTargetHealth %s", arn)
	return out.TargetHealthDescriptions
}
