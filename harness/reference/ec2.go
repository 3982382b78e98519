package reference

import (
	"cmp"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"
)

// maxLaunchCount bounds RunInstances' MaxCount, as a default EC2 account quota would.
const maxLaunchCount = 20

// terminatedVisibility is how long EC2 keeps describing a terminated instance.
const terminatedVisibility = time.Hour

// ec2Instance is one EC2 instance. State changes complete at once: the answer to the call
// shows the transitional state (pending, stopping, shutting-down) as EC2 does, and the next
// call sees the state it leads to.
type ec2Instance struct {
	id               string
	reservationID    string
	imageID          string
	instanceType     string
	availabilityZone string
	privateIP        string
	launchIndex      int
	state            string
	launchTime       time.Time
	terminatedAt     time.Time
}

// ec2Operations is the EC2 dispatch table, by Action.
func ec2Operations() map[string]queryHandler {
	return map[string]queryHandler{
		"RunInstances":       (*Server).runInstances,
		"DescribeInstances":  (*Server).describeInstances,
		"StopInstances":      (*Server).stopInstances,
		"StartInstances":     (*Server).startInstances,
		"TerminateInstances": (*Server).terminateInstances,
	}
}

func ec2Error(code, format string, args ...any) error {
	return clientFault(code, format, args...)
}

// runInstances launches MinCount to MaxCount instances (always MaxCount: capacity is never
// short here) in one reservation.
//
// Shortcoming: images, subnets, security groups, key pairs and user data are not modelled;
// any ImageId is accepted and the other members are ignored.
func (s *Server) runInstances(form url.Values) (any, error) {
	imageID := form.Get("ImageId")
	if imageID == "" {
		return nil, ec2Error("MissingParameter", "The request must contain the parameter ImageId")
	}
	minCount, err := queryInt(form, "MinCount", 0)
	if err != nil {
		return nil, err
	}
	maxCount, err := queryInt(form, "MaxCount", 0)
	if err != nil {
		return nil, err
	}
	if minCount < 1 || maxCount < minCount {
		return nil, ec2Error("InvalidParameterValue",
			"MinCount and MaxCount must be at least 1, and MinCount at most MaxCount.")
	}
	if minCount > maxLaunchCount {
		return nil, ec2Error("InstanceLimitExceeded",
			"You have requested more instances (%d) than your current instance limit of %d "+
				"allows.", minCount, maxLaunchCount)
	}

	answer := &runInstancesAnswer{wireReservation: wireReservation{
		ReservationID: "r-" + newID()[:17],
		OwnerID:       s.opts.AccountID,
		Groups:        []struct{}{},
	}}
	for k := range min(maxCount, maxLaunchCount) {
		e := &ec2Instance{
			id:               "i-" + newID()[:17],
			reservationID:    answer.ReservationID,
			imageID:          imageID,
			instanceType:     cmp.Or(form.Get("InstanceType"), "m1.small"),
			availabilityZone: cmp.Or(form.Get("Placement.AvailabilityZone"), s.opts.Region+"a"),
			privateIP:        fmt.Sprintf("10.0.%d.%d", len(s.ec2Order)/250, len(s.ec2Order)%250+4),
			launchIndex:      k,
			state:            ec2Running,
			launchTime:       s.now(),
		}
		s.ec2Instances[e.id] = e
		s.ec2Order = append(s.ec2Order, e)
		answer.Instances = append(answer.Instances, s.renderEC2Instance(e, ec2Pending))
	}
	return answer, nil
}

// describeInstances describes the named instances, or all of them, grouped by reservation.
//
// Shortcoming: Filter.N is refused rather than ignored, and MaxResults does not paginate.
func (s *Server) describeInstances(form url.Values) (any, error) {
	if len(queryList(form, "Filter")) > 0 {
		return nil, ec2Error("InvalidParameterValue", "Filters are not supported by this "+
			"endpoint; name instances with InstanceId.N.")
	}
	ids := queryStrings(form, "InstanceId")
	instances, err := s.ec2InstancesNamed(ids)
	if err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		instances = slices.DeleteFunc(slices.Clone(s.ec2Order), func(e *ec2Instance) bool {
			return !s.ec2Visible(e)
		})
	}

	answer := &describeInstancesAnswer{Reservations: []wireReservation{}}
	index := map[string]int{}
	for _, e := range instances {
		k, seen := index[e.reservationID]
		if !seen {
			k = len(answer.Reservations)
			index[e.reservationID] = k
			answer.Reservations = append(answer.Reservations, wireReservation{
				ReservationID: e.reservationID, OwnerID: s.opts.AccountID, Groups: []struct{}{},
			})
		}
		r := &answer.Reservations[k]
		r.Instances = append(r.Instances, s.renderEC2Instance(e, ""))
	}
	return answer, nil
}

// ec2InstancesNamed resolves InstanceId.N; one unknown or malformed ID fails the whole call,
// as in EC2.
func (s *Server) ec2InstancesNamed(ids []string) ([]*ec2Instance, error) {
	var found []*ec2Instance
	for _, id := range ids {
		if !strings.HasPrefix(id, "i-") || len(id) < 10 {
			return nil, ec2Error("InvalidInstanceID.Malformed", "Invalid id: %q", id)
		}
		e := s.ec2Instances[id]
		if e == nil || !s.ec2Visible(e) {
			return nil, ec2Error("InvalidInstanceID.NotFound",
				"The instance ID '%s' does not exist", id)
		}
		found = append(found, e)
	}
	return found, nil
}

// ec2Visible reports whether EC2 still describes the instance: a terminated one is
// forgotten an hour after its termination.
func (s *Server) ec2Visible(e *ec2Instance) bool {
	return e.state != ec2Terminated || s.now().Before(e.terminatedAt.Add(terminatedVisibility))
}
