# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import threading
from unittest.mock import patch

from odoo.tests import TransactionCase, tagged

from odoo.addons.copilot.models import copilot_watch
from odoo.addons.copilot.models.copilot_watch import MODEL_PATCHES, WATCHED_MODELS

from .common import CopilotCommon


def patches_in(method):
    """How many patches of the watch ``method`` goes through."""
    count = 0
    while method is not None:
        count += bool(getattr(method, 'copilot_watch', False))
        method = getattr(method, 'origin', None)
    return count


class TestCopilotWatchPatch(TransactionCase):
    """How a class is patched, on a class of its own (the registry's are left alone)."""

    def make_class(self):
        """A registry class: its methods come from the classes it inherits."""
        class Definition:
            def write(self, vals):
                return True

        class Model(Definition):
            pass
        return Model

    def test_patched_once_and_removed(self):
        Model = self.make_class()
        original = Model.write
        for _i in range(2):
            copilot_watch._patch(Model, 'write', copilot_watch._make_write)
        self.assertEqual(patches_in(Model.write), 1)
        self.assertIs(Model.write.origin, original)
        copilot_watch._unpatch(Model, 'write')
        self.assertIs(Model.write, original)
        self.assertNotIn('write', Model.__dict__)

    def test_a_later_patch_keeps_working(self):
        """Another patch wrapping ours (base_automation's): not patched twice, and unwrapped."""
        Model = self.make_class()
        original = Model.write
        copilot_watch._patch(Model, 'write', copilot_watch._make_write)
        ours = Model.write

        def write(self, vals):
            return write.origin(self, vals)
        write.origin = ours
        Model.write = write
        copilot_watch._patch(Model, 'write', copilot_watch._make_write)
        self.assertIs(Model.write, write)
        copilot_watch._unpatch(Model, 'write')
        self.assertIs(Model.write, write)
        self.assertIs(write.origin, original)

    def test_a_patch_made_before_is_kept(self):
        Model = self.make_class()
        original = Model.write

        def write(self, vals):
            return write.origin(self, vals)
        write.origin = original
        Model.write = write
        copilot_watch._patch(Model, 'write', copilot_watch._make_write)
        self.assertIs(Model.write.origin, write)
        copilot_watch._unpatch(Model, 'write')
        self.assertIs(Model.write, write)


@tagged('post_install', '-at_install')
class TestCopilotWatch(CopilotCommon, TransactionCase):
    """Changes of the records the copilot caches or shows are queued for after the commit."""

    def test_task_change_is_queued_for_the_bus_and_the_cache(self):
        if 'project.project' not in self.env:
            self.skipTest('project is not installed')
        project = self.env['project.project'].create({'name': 'Copilot watched project'})
        task = self.env['project.task'].create({'name': 'Watched task', 'project_id': project.id})
        pending = self.env.cr.precommit.data['copilot.changed']
        self.assertIn(project.id, pending['project.project']['ids'])
        self.assertIn(task.id, pending['project.task']['ids'])
        self.assertIn(self.env.user.partner_id.id, pending['project.task']['partners'])

    def test_webhook_is_signed_and_sent_after_commit_only_for_cached_models(self):
        if 'project.project' not in self.env:
            self.skipTest('project is not installed')
        precommit, postcommit = self.env.cr.precommit, self.env.cr.postcommit
        before_pre, before_post = len(precommit._funcs), len(postcommit._funcs)
        # a live-only model first, then a cached one: the webhook names every cached model
        # the transaction changed, not only those of its first change
        project = self.env['project.project'].create({'name': 'Copilot watched project'})
        self.env['project.task'].create({'name': 'Watched task', 'project_id': project.id})
        self.env['project.task.type'].create({'name': 'Copilot watched stage'})
        sent = []
        with patch('odoo.addons.copilot.models.copilot_agent.requests.post', side_effect=lambda url, **kw: sent.append((url, kw))):
            prepares = [f for f in list(precommit._funcs)[before_pre:] if f.__qualname__.endswith('prepare')]
            self.assertEqual(len(prepares), 1)
            precommit._funcs.remove(prepares[0])
            prepares[0]()
            self.assertEqual(sent, [])  # nothing before the commit
            for send in list(postcommit._funcs)[before_post:]:
                postcommit._funcs.remove(send)
                # sent from a thread: the user's request does not wait for the agent
                send().join(5)
        self.assertEqual(len(sent), 1)
        url, kwargs = sent[0]
        self.assertTrue(url.endswith('/v1/webhooks/odoo'))
        self.assertIn(b'"models":["project.project","project.task.type"]', kwargs['data'])
        self.assertTrue(kwargs['headers']['X-Copilot-Signature'].startswith('sha256='))
        self.assertEqual(kwargs['timeout'], 2)

    def test_only_the_watched_models_are_patched(self):
        registry = self.env.registry
        for model_name in ('res.partner', 'res.country', 'res.users'):
            for name in MODEL_PATCHES:
                self.assertEqual(patches_in(getattr(registry[model_name], name)), 0,
                                 f"{model_name}.{name} is not watched")
        installed = [model_name for model_name in WATCHED_MODELS if model_name in registry]
        for model_name in installed:
            for name in MODEL_PATCHES:
                self.assertEqual(patches_in(getattr(registry[model_name], name)), 1,
                                 f"{model_name}.{name} is watched once")
        # the registry is set up again (a module installed, a field added): still once
        self.env['copilot.watch']._register_hook()
        for model_name in installed:
            self.assertEqual(patches_in(registry[model_name].create), 1)

    def test_unregistered_then_registered_again(self):
        if 'project.task.type' not in self.env:
            self.skipTest('project is not installed')
        Stage = self.env.registry['project.task.type']
        watch = self.env['copilot.watch']
        watch._unregister_hook()
        try:
            self.assertEqual(patches_in(Stage.create), 0)
            self.env['project.task.type'].create({'name': 'Copilot stage, not watched'})
            self.assertNotIn('copilot.changed', self.env.cr.precommit.data)
        finally:
            watch._register_hook()
        self.assertEqual(patches_in(Stage.create), 1)
        if 'create' in Stage.__dict__:
            # what base_automation's _unregister_hook does to the class of every model
            del Stage.create
            try:
                self.assertEqual(patches_in(Stage.create), 0)
            finally:
                watch._register_hook()
            self.assertEqual(patches_in(Stage.create), 1)
        stage = self.env['project.task.type'].create({'name': 'Copilot stage, watched'})
        pending = self.env.cr.precommit.data['copilot.changed']
        self.assertEqual(pending['project.task.type']['ids'], {stage.id})

    def test_write_and_unlink_are_watched(self):
        if 'project.task.type' not in self.env:
            self.skipTest('project is not installed')
        stage = self.env['project.task.type'].create({'name': 'Copilot stage'})
        data = self.env.cr.precommit.data
        data.pop('copilot.changed')
        stage.write({'name': 'Copilot stage, renamed'})
        self.assertEqual(data['copilot.changed']['project.task.type']['ids'], {stage.id})
        data.pop('copilot.changed')
        stage.unlink()
        self.assertEqual(data['copilot.changed']['project.task.type']['ids'], {stage.id})

    def test_saving_an_automation_rule_keeps_the_watch(self):
        """base_automation removes every patch of create/write/unlink when a rule is saved."""
        if 'base.automation' not in self.env or 'project.task' not in self.env:
            self.skipTest('base_automation or project is not installed')
        self.env['base.automation'].create({
            'name': 'Copilot watch test rule',
            'model_id': self.env['ir.model']._get_id('project.task'),
            'trigger': 'on_create_or_write',
        })
        Task = self.env.registry['project.task']
        for name in MODEL_PATCHES:
            self.assertEqual(patches_in(getattr(Task, name)), 1)
        project = self.env['project.project'].create({'name': 'Copilot automated project'})
        task = self.env['project.task'].create({'name': 'Automated task', 'project_id': project.id})
        self.assertIn(task.id, self.env.cr.precommit.data['copilot.changed']['project.task']['ids'])

    def test_unwatched_models_queue_nothing(self):
        self.env['res.partner'].create({'name': 'Not watched'})
        self.assertNotIn('copilot.changed', self.env.cr.precommit.data)

    def test_the_writing_request_does_not_wait_for_the_agent(self):
        if 'project.task.type' not in self.env:
            self.skipTest('project is not installed')
        precommit, postcommit = self.env.cr.precommit, self.env.cr.postcommit
        before_pre, before_post = len(precommit._funcs), len(postcommit._funcs)
        self.env['project.task.type'].create({'name': 'Copilot stage, agent down'})
        agent_answers = threading.Event()

        def hanging_post(url, **kwargs):
            # an agent that does not answer (down, or behind a dead proxy) until told to
            agent_answers.wait(10)

        with patch('odoo.addons.copilot.models.copilot_agent.requests.post', side_effect=hanging_post):
            for prepare in [f for f in list(precommit._funcs)[before_pre:] if f.__qualname__.endswith('prepare')]:
                precommit._funcs.remove(prepare)
                prepare()
            threads = []
            for send in list(postcommit._funcs)[before_post:]:
                postcommit._funcs.remove(send)
                threads.append(send())
            # the hooks returned while the agent still has not answered
            self.assertTrue(threads and all(thread.is_alive() for thread in threads))
            agent_answers.set()
            for thread in threads:
                thread.join(5)
        self.assertFalse(any(thread.is_alive() for thread in threads))
